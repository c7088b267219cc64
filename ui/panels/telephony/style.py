"""The telephony panel's look: the same neutral greys and one accent as the rest of Okno."""

PANEL_STYLE = """
#TelephonyPanel { background: #ffffff; }
#CallBox {
    background: #f8fafc;
    border: 1px solid #e2e8f0;
    border-radius: 6px;
}
#CallBox[live="true"] {
    background: #f0fdf4;
    border-color: #86efac;
}
#CallTimer { font-size: 11pt; font-weight: 600; color: #0f172a; }
#CallNumber { font-size: 11pt; font-weight: 600; color: #0f172a; }
#CallCustomer {
    color: #1d4ed8; font-size: 10pt; font-weight: 600; text-align: left;
    padding: 0; border: none;
}
#CallCustomer:hover { text-decoration: underline; }
#CallHint, #MutedLabel { color: #64748b; }
#HangUpButton {
    background: #dc2626; color: #ffffff; border: none; border-radius: 4px;
    padding: 4px 12px; font-weight: 600;
}
#HangUpButton:hover { background: #b91c1c; }
#HangUpButton:disabled { background: #fca5a5; }
#DialButton {
    background: #16a34a; color: #ffffff; border: none; border-radius: 4px;
    padding: 4px 14px; font-weight: 600;
}
#DialButton:hover { background: #15803d; }
#DialButton:disabled { background: #cbd5e1; color: #f8fafc; }
#DialNumber {
    border: 1px solid #cbd5e1; border-radius: 4px; padding: 3px 6px; background: #ffffff;
}
#DialNumber:focus { border-color: #2563eb; }
QTableView { border: none; gridline-color: #e2e8f0; }
"""
