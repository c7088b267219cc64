"""The order card's own stylesheet (on top of the application's ``ui/style.qss``): one place for
its colours, so the card reads the same wherever the main window docks it."""

from __future__ import annotations

CARD_STYLE = """
#OrderCardPanel { background: #ffffff; }
#OrderCardPanel QScrollArea, #OrderCardBody { background: #ffffff; border: none; }
#CardNumber { font-size: 14pt; font-weight: 600; }
#CardMeta, #SectionHint, #CustomerDetails, #TotalCaption { color: #64748b; }
#SectionTitle { font-size: 10pt; font-weight: 600; color: #0f172a; padding-top: 6px; }
#FieldCaption { color: #475569; font-weight: 600; }
#CustomerLink { border: none; padding: 0 2px; font-size: 11pt; font-weight: 600;
                color: #1d4ed8; text-align: left; background: transparent; }
#CustomerLink:focus { text-decoration: underline; }
#CustomerLink:disabled { color: #0f172a; }
#CustomerComment { background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 4px;
                   padding: 6px 8px; }
#CustomerComment[empty="true"] { color: #94a3b8; }
#GrandTotal, #GrandTotalCaption { font-size: 11pt; font-weight: 700; color: #0f172a; }
#CardActions QToolButton { background: #ffffff; border: 1px solid #cbd5e1; border-radius: 4px;
                           padding: 4px 10px; }
#CardActions QToolButton:hover { border-color: #2563eb; color: #1d4ed8; }
#CardActions QToolButton:disabled { color: #94a3b8; border-color: #e2e8f0; }
#CardActions QToolButton#ConfirmButton:enabled { background: #16a34a; border-color: #16a34a;
                                                 color: #ffffff; font-weight: 600; }
#CardFooter { background: #f8fafc; border-top: 1px solid #e2e8f0; }
#DirtyLabel { color: #92400e; font-weight: 600; }
QPushButton#SaveButton:enabled { background: #2563eb; border-color: #2563eb; color: #ffffff; }
#NoticeBanner, #AlertBanner { border-radius: 4px; }
#NoticeBanner[kind="info"], #AlertBanner[kind="info"] { background: #eff6ff;
                                                         border: 1px solid #bfdbfe; }
#NoticeBanner[kind="warning"], #AlertBanner[kind="warning"] { background: #fffbeb;
                                                               border: 1px solid #fcd34d; }
#NoticeBanner[kind="error"], #AlertBanner[kind="error"] { background: #fef2f2;
                                                           border: 1px solid #fca5a5; }
QLineEdit[invalid="true"] { border: 1px solid #dc2626; background: #fef2f2; }
#FieldError { color: #b91c1c; }
#RobotSummary { color: #b91c1c; }
#AllowedStatuses::item { padding: 6px 8px; }
#ConflictTable::item { height: 26px; padding: 0 4px; }
#EmptyCard { color: #94a3b8; font-size: 11pt; }
#RobotChecks, #StatusHistory { border: 1px solid #e2e8f0; border-radius: 4px;
                               background: #ffffff; alternate-background-color: #f8fafc; }
#RobotChecks::item, #StatusHistory::item { height: 24px; padding: 0 4px; }
"""
