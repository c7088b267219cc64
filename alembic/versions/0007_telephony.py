"""Telephony: the PBX event log (idempotency), call legs, commands sent to the PBX, operator
states and their time log; calls gain the line, the originating command, the missed-call
callback marks and the after-call outcome.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_NOW = sa.text("CURRENT_TIMESTAMP")


def upgrade() -> None:
    op.create_table(
        "call_events",
        sa.Column("id", _ID, nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("dedupe_key", sa.String(length=300), nullable=False),
        sa.Column("entry_id", sa.String(length=128), nullable=True),
        sa.Column("leg_id", sa.String(length=128), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("event_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "payload", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_NOW, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_events")),
        sa.UniqueConstraint(
            "provider", "dedupe_key", name=op.f("uq_call_events_provider_dedupe_key")
        ),
    )
    op.create_index("ix_call_events_entry_id", "call_events", ["entry_id"], unique=False)
    op.create_index("ix_call_events_leg_id_seq", "call_events", ["leg_id", "seq"], unique=False)

    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("line_number", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("command_id", sa.String(length=128), nullable=True))
        batch.add_column(
            sa.Column("has_summary", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("callback_done_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("callback_done_by_id", _ID, nullable=True))
        batch.add_column(sa.Column("outcome", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("outcome_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(
            op.f("fk_calls_callback_done_by_id_users"), "users", ["callback_done_by_id"], ["id"]
        )
        batch.create_index(
            "ix_calls_result_callback_done_at", ["result", "callback_done_at"], unique=False
        )
    # the server default only filled existing rows; the model has none
    with op.batch_alter_table("calls") as batch:
        batch.alter_column("has_summary", server_default=None)

    op.create_table(
        "call_legs",
        sa.Column("id", _ID, nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("leg_id", sa.String(length=128), nullable=False),
        sa.Column("call_id", _ID, nullable=False),
        sa.Column("location", sa.String(length=16), nullable=True),
        sa.Column("extension", sa.String(length=16), nullable=True),
        sa.Column("operator_id", _ID, nullable=True),
        sa.Column("number", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("appeared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disconnect_reason", sa.Integer(), nullable=True),
        sa.Column("popped", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=_NOW, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name=op.f("fk_call_legs_call_id_calls")),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["users.id"], name=op.f("fk_call_legs_operator_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_legs")),
        sa.UniqueConstraint("provider", "leg_id", name=op.f("uq_call_legs_provider_leg_id")),
    )
    op.create_index("ix_call_legs_call_id", "call_legs", ["call_id"], unique=False)
    op.create_index(
        "ix_call_legs_extension_state", "call_legs", ["extension", "state"], unique=False
    )

    op.create_table(
        "telephony_commands",
        sa.Column("id", _ID, nullable=False),
        sa.Column("command_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("operator_id", _ID, nullable=True),
        sa.Column("extension", sa.String(length=16), nullable=True),
        sa.Column("to_number", sa.String(length=64), nullable=True),
        sa.Column("order_id", _ID, nullable=True),
        sa.Column("customer_id", _ID, nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=_NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_telephony_commands_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["users.id"], name=op.f("fk_telephony_commands_operator_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_telephony_commands_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telephony_commands")),
        sa.UniqueConstraint("command_id", name=op.f("uq_telephony_commands_command_id")),
    )
    op.create_index(
        "ix_telephony_commands_operator_id_id",
        "telephony_commands",
        ["operator_id", "id"],
        unique=False,
    )

    op.create_table(
        "operator_states",
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_operator_states_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_operator_states")),
    )
    op.create_table(
        "operator_state_log",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_operator_state_log_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_state_log")),
    )
    op.create_index(
        "ix_operator_state_log_user_id_started_at",
        "operator_state_log",
        ["user_id", "started_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_operator_state_log_user_id_started_at", table_name="operator_state_log")
    op.drop_table("operator_state_log")
    op.drop_table("operator_states")
    op.drop_index("ix_telephony_commands_operator_id_id", table_name="telephony_commands")
    op.drop_table("telephony_commands")
    op.drop_index("ix_call_legs_extension_state", table_name="call_legs")
    op.drop_index("ix_call_legs_call_id", table_name="call_legs")
    op.drop_table("call_legs")
    with op.batch_alter_table("calls") as batch:
        batch.drop_index("ix_calls_result_callback_done_at")
        batch.drop_constraint(op.f("fk_calls_callback_done_by_id_users"), type_="foreignkey")
        for column in (
            "outcome_at",
            "outcome",
            "callback_done_by_id",
            "callback_done_at",
            "has_summary",
            "command_id",
            "line_number",
        ):
            batch.drop_column(column)
    op.drop_index("ix_call_events_leg_id_seq", table_name="call_events")
    op.drop_index("ix_call_events_entry_id", table_name="call_events")
    op.drop_table("call_events")
