"""Capsule cross-sell: the feed's conditional-GET state, every suggestion shown during a call,
and the upsell credited per cross-sell order line (state follows the order's status).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('capsule_feeds',
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('etag', sa.String(length=256), nullable=True),
    sa.Column('last_modified', sa.String(length=64), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_result', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('url', name=op.f('pk_capsule_feeds'))
    )
    op.create_table('cross_sell_offers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('capsule_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('offer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('shown_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('shown_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.Enum('offered', 'accepted', 'declined', name='cross_sell_outcome', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decline_reason', sa.String(length=200), nullable=True),
    sa.Column('order_item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['capsule_id'], ['capsules.id'], name=op.f('fk_cross_sell_offers_capsule_id_capsules')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_cross_sell_offers_customer_id_customers')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_cross_sell_offers_offer_id_offers')),
    sa.ForeignKeyConstraint(['operator_id'], ['users.id'], name=op.f('fk_cross_sell_offers_operator_id_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_cross_sell_offers_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_item_id'], ['order_items.id'], name=op.f('fk_cross_sell_offers_order_item_id_order_items'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cross_sell_offers'))
    )
    op.create_index('ix_cross_sell_offers_customer_id', 'cross_sell_offers', ['customer_id'], unique=False)
    op.create_index('ix_cross_sell_offers_operator_id_shown_on', 'cross_sell_offers', ['operator_id', 'shown_on'], unique=False)
    op.create_index('ix_cross_sell_offers_order_id', 'cross_sell_offers', ['order_id'], unique=False)
    op.create_index('ix_cross_sell_offers_shown_on_operator_id', 'cross_sell_offers', ['shown_on', 'operator_id'], unique=False)

    op.create_table('upsell_credits',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('capsule_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('state', sa.Enum('pending', 'earned', 'reversed', name='upsell_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('credited_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('credited_on', sa.Date(), nullable=False),
    sa.Column('earned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reversed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['capsule_id'], ['capsules.id'], name=op.f('fk_upsell_credits_capsule_id_capsules')),
    sa.ForeignKeyConstraint(['operator_id'], ['users.id'], name=op.f('fk_upsell_credits_operator_id_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_upsell_credits_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_item_id'], ['order_items.id'], name=op.f('fk_upsell_credits_order_item_id_order_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upsell_credits')),
    sa.UniqueConstraint('order_item_id', name=op.f('uq_upsell_credits_order_item_id'))
    )
    op.create_index('ix_upsell_credits_credited_on_operator_id', 'upsell_credits', ['credited_on', 'operator_id'], unique=False)
    op.create_index('ix_upsell_credits_operator_id_credited_on', 'upsell_credits', ['operator_id', 'credited_on'], unique=False)
    op.create_index('ix_upsell_credits_order_id', 'upsell_credits', ['order_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_upsell_credits_order_id', table_name='upsell_credits')
    op.drop_index('ix_upsell_credits_operator_id_credited_on', table_name='upsell_credits')
    op.drop_index('ix_upsell_credits_credited_on_operator_id', table_name='upsell_credits')

    op.drop_table('upsell_credits')
    op.drop_index('ix_cross_sell_offers_shown_on_operator_id', table_name='cross_sell_offers')
    op.drop_index('ix_cross_sell_offers_order_id', table_name='cross_sell_offers')
    op.drop_index('ix_cross_sell_offers_operator_id_shown_on', table_name='cross_sell_offers')
    op.drop_index('ix_cross_sell_offers_customer_id', table_name='cross_sell_offers')

    op.drop_table('cross_sell_offers')
    op.drop_table('capsule_feeds')
