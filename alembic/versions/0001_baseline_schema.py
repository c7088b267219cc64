"""Baseline schema: every aggregate of DESIGN.md, plus the reference data the code relies on
(statuses, the default per-role transition matrix, message templates).

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('capsules',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('season', sa.String(length=64), nullable=True),
    sa.Column('audience', sa.Enum('boy', 'girl', 'unisex', name='capsule_audience', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('age_from', sa.Integer(), nullable=True),
    sa.Column('age_to', sa.Integer(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capsules')),
    sa.UniqueConstraint('external_id', name=op.f('uq_capsules_external_id'))
    )
    op.create_table('categories',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('parent_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('external_id', sa.String(length=64), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['categories.id'], name=op.f('fk_categories_parent_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_categories')),
    sa.UniqueConstraint('external_id', name=op.f('uq_categories_external_id'))
    )
    op.create_index(op.f('ix_categories_parent_id'), 'categories', ['parent_id'], unique=False)
    op.create_table('message_templates',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.Enum('sms', 'telegram', 'vk', 'email', name='template_channel', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_templates')),
    sa.UniqueConstraint('code', name=op.f('uq_message_templates_code'))
    )
    op.create_table('statuses',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name_ru', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.Column('group', sa.Enum('new', 'approval', 'assembling', 'delivery', 'complete', 'cancel', name='status_group', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('ordering', sa.Integer(), nullable=False),
    sa.Column('is_final', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_statuses'))
    )
    op.create_table('stores',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('retail', 'online', name='store_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('latitude', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('longitude', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stores')),
    sa.UniqueConstraint('code', name=op.f('uq_stores_code'))
    )
    op.create_index(op.f('ix_stores_city'), 'stores', ['city'], unique=False)
    op.create_table('users',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('operator', 'supervisor', 'manager', 'admin', name='user_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('pbx_extension', sa.String(length=16), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('login', name=op.f('uq_users_login')),
    sa.UniqueConstraint('pbx_extension', name=op.f('uq_users_pbx_extension'))
    )
    op.create_table('customers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.Enum('male', 'female', name='customer_gender', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('email_normalized', sa.String(length=254), nullable=True),
    sa.Column('loyalty_discount_pct', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('custom_fields', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('consent_sms', sa.Boolean(), nullable=False),
    sa.Column('consent_email', sa.Boolean(), nullable=False),
    sa.Column('consent_messengers', sa.Boolean(), nullable=False),
    sa.Column('merged_into_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('merged_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('loyalty_discount_pct >= 0 AND loyalty_discount_pct <= 100', name=op.f('ck_customers_loyalty_discount_range')),
    sa.ForeignKeyConstraint(['merged_by_id'], ['users.id'], name=op.f('fk_customers_merged_by_id_users')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['customers.id'], name=op.f('fk_customers_merged_into_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('external_id', name=op.f('uq_customers_external_id'))
    )
    op.create_index('ix_customers_email_lower', 'customers', ['email_normalized'], unique=False)
    op.create_index('ix_customers_last_name', 'customers', ['last_name'], unique=False)
    op.create_index(op.f('ix_customers_merged_into_id'), 'customers', ['merged_into_id'], unique=False)
    op.create_table('dead_letters',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('reference', sa.String(length=128), nullable=True),
    sa.Column('raw_payload', sa.Text(), nullable=False),
    sa.Column('errors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_dead_letters_resolved_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dead_letters'))
    )
    op.create_index('ix_dead_letters_source_resolved_at', 'dead_letters', ['source', 'resolved_at'], unique=False)
    op.create_table('outbox_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.Column('aggregate', sa.String(length=32), nullable=False),
    sa.Column('aggregate_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_outbox_events_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_events'))
    )
    op.create_index('ix_outbox_events_aggregate', 'outbox_events', ['aggregate', 'aggregate_id'], unique=False)
    op.create_table('products',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.Column('category_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('brand', sa.String(length=100), nullable=True),
    sa.Column('audience', sa.Enum('boy', 'girl', 'unisex', name='audience', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('age_from', sa.Integer(), nullable=True),
    sa.Column('age_to', sa.Integer(), nullable=True),
    sa.Column('description', sa.String(length=2000), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_products_category_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('external_id', name=op.f('uq_products_external_id'))
    )
    op.create_index(op.f('ix_products_category_id'), 'products', ['category_id'], unique=False)
    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_settings_updated_by_id_users')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('status_transitions',
    sa.Column('from_code', sa.String(length=32), nullable=False),
    sa.Column('to_code', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['from_code'], ['statuses.code'], name=op.f('fk_status_transitions_from_code_statuses')),
    sa.ForeignKeyConstraint(['to_code'], ['statuses.code'], name=op.f('fk_status_transitions_to_code_statuses')),
    sa.PrimaryKeyConstraint('from_code', 'to_code', 'role', name=op.f('pk_status_transitions'))
    )
    op.create_table('children',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.Enum('male', 'female', name='child_gender', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_children_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children'))
    )
    op.create_index(op.f('ix_children_birth_date'), 'children', ['birth_date'], unique=False)
    op.create_index(op.f('ix_children_customer_id'), 'children', ['customer_id'], unique=False)
    op.create_table('conversations',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel', sa.Enum('sms', 'telegram', 'vk', 'email', name='conversation_channel', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('external_chat_id', sa.String(length=128), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('assignee_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_conversations_assignee_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_conversations_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations')),
    sa.UniqueConstraint('channel', 'external_chat_id', name=op.f('uq_conversations_channel_external_chat_id'))
    )
    op.create_index(op.f('ix_conversations_customer_id'), 'conversations', ['customer_id'], unique=False)
    op.create_table('customer_notes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('author_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_customer_notes_author_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_notes_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_notes'))
    )
    op.create_index(op.f('ix_customer_notes_customer_id'), 'customer_notes', ['customer_id'], unique=False)
    op.create_table('customer_phones',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('raw', sa.String(length=64), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=False),
    sa.Column('tail10', sa.String(length=10), nullable=False),
    sa.Column('extension', sa.String(length=10), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_phones_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_phones'))
    )
    op.create_index(op.f('ix_customer_phones_customer_id'), 'customer_phones', ['customer_id'], unique=False)
    op.create_index('ix_customer_phones_e164', 'customer_phones', ['e164'], unique=False)
    op.create_index('ix_customer_phones_tail10', 'customer_phones', ['tail10'], unique=False)
    op.create_table('customer_tags',
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('tag', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_tags_customer_id_customers')),
    sa.PrimaryKeyConstraint('customer_id', 'tag', name=op.f('pk_customer_tags'))
    )
    op.create_index('ix_customer_tags_tag', 'customer_tags', ['tag'], unique=False)
    op.create_table('offers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.Column('product_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('color', sa.String(length=64), nullable=True),
    sa.Column('size', sa.String(length=32), nullable=True),
    sa.Column('barcode', sa.String(length=32), nullable=True),
    sa.Column('price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('old_price', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('old_price IS NULL OR old_price >= 0', name=op.f('ck_offers_old_price_not_negative')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_offers_price_not_negative')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_offers_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers')),
    sa.UniqueConstraint('barcode', name=op.f('uq_offers_barcode')),
    sa.UniqueConstraint('external_id', name=op.f('uq_offers_external_id'))
    )
    op.create_index(op.f('ix_offers_product_id'), 'offers', ['product_id'], unique=False)
    op.create_table('orders',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=True),
    sa.Column('source', sa.Enum('site', 'mobile_app', 'store', 'one_click', 'phone', 'erp', name='order_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('contact_phone_raw', sa.String(length=64), nullable=True),
    sa.Column('contact_phone_e164', sa.String(length=20), nullable=True),
    sa.Column('contact_email', sa.String(length=254), nullable=True),
    sa.Column('operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('shipping_store_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('delivery_type', sa.Enum('courier', 'pickup', 'parcel_locker', name='delivery_type', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('delivery_address', sa.String(length=500), nullable=True),
    sa.Column('delivery_cost', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('payment_status', sa.Enum('not_paid', 'paid', 'refunded', name='payment_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('payment_method', sa.Enum('cash', 'card_on_delivery', 'card_online', 'sbp', name='payment_method', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('subtotal', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('discount_total', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('total', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('customer_comment', sa.Text(), nullable=True),
    sa.Column('manager_comment', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=200), nullable=True),
    sa.Column('no_answer_attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('callback_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reserve_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('robot_checks', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('robot_checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lease_operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('lease_taken_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lease_heartbeat_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('no_answer_attempts >= 0', name=op.f('ck_orders_attempts_not_negative')),
    sa.CheckConstraint('total >= 0', name=op.f('ck_orders_total_not_negative')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_orders_customer_id_customers')),
    sa.ForeignKeyConstraint(['lease_operator_id'], ['users.id'], name=op.f('fk_orders_lease_operator_id_users')),
    sa.ForeignKeyConstraint(['operator_id'], ['users.id'], name=op.f('fk_orders_operator_id_users')),
    sa.ForeignKeyConstraint(['shipping_store_id'], ['stores.id'], name=op.f('fk_orders_shipping_store_id_stores')),
    sa.ForeignKeyConstraint(['status'], ['statuses.code'], name=op.f('fk_orders_status_statuses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('external_id', name=op.f('uq_orders_external_id')),
    sa.UniqueConstraint('number', name=op.f('uq_orders_number'))
    )
    op.create_index(op.f('ix_orders_contact_phone_e164'), 'orders', ['contact_phone_e164'], unique=False)
    op.create_index('ix_orders_created_at_id', 'orders', ['created_at', 'id'], unique=False)
    op.create_index('ix_orders_customer_created_at', 'orders', ['customer_id', 'created_at'], unique=False)
    op.create_index('ix_orders_next_attempt_at', 'orders', ['next_attempt_at'], unique=False)
    op.create_index('ix_orders_operator_status', 'orders', ['operator_id', 'status'], unique=False)
    op.create_index('ix_orders_queue', 'orders', ['priority', 'created_at'], unique=False, postgresql_where=sa.text("status IN ('needs_confirmation', 'no_answer')"), sqlite_where=sa.text("status IN ('needs_confirmation', 'no_answer')"))
    op.create_index('ix_orders_reserve_until', 'orders', ['reserve_until'], unique=False)
    op.create_index(op.f('ix_orders_shipping_store_id'), 'orders', ['shipping_store_id'], unique=False)
    op.create_index('ix_orders_status_created_at', 'orders', ['status', 'created_at'], unique=False)
    op.create_table('calls',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=128), nullable=False),
    sa.Column('provider', sa.String(length=32), nullable=False),
    sa.Column('direction', sa.Enum('inbound', 'outbound', name='call_direction', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('from_number', sa.String(length=64), nullable=True),
    sa.Column('to_number', sa.String(length=64), nullable=True),
    sa.Column('extension', sa.String(length=16), nullable=True),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('result', sa.String(length=32), nullable=True),
    sa.Column('disconnect_reason', sa.Integer(), nullable=True),
    sa.Column('recording_id', sa.String(length=256), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_calls_customer_id_customers')),
    sa.ForeignKeyConstraint(['operator_id'], ['users.id'], name=op.f('fk_calls_operator_id_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_calls_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calls')),
    sa.UniqueConstraint('external_id', name=op.f('uq_calls_external_id'))
    )
    op.create_index('ix_calls_customer_id_started_at', 'calls', ['customer_id', 'started_at'], unique=False)
    op.create_index('ix_calls_operator_id_started_at', 'calls', ['operator_id', 'started_at'], unique=False)
    op.create_index('ix_calls_order_id', 'calls', ['order_id'], unique=False)
    op.create_table('capsule_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('capsule_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('product_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('offer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['capsule_id'], ['capsules.id'], name=op.f('fk_capsule_items_capsule_id_capsules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_capsule_items_offer_id_offers')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_capsule_items_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capsule_items'))
    )
    op.create_index(op.f('ix_capsule_items_capsule_id'), 'capsule_items', ['capsule_id'], unique=False)
    op.create_index('ix_capsule_items_offer_id', 'capsule_items', ['offer_id'], unique=False)
    op.create_index('ix_capsule_items_product_id', 'capsule_items', ['product_id'], unique=False)
    op.create_table('messages',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('conversation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('direction', sa.Enum('inbound', 'outbound', name='message_direction', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('external_id', sa.String(length=128), nullable=True),
    sa.Column('delivery_state', sa.Enum('queued', 'sent', 'delivered', 'read', 'failed', 'received', name='delivery_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('author_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('template_code', sa.String(length=64), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('meta', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_messages_author_id_users')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_messages_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_messages_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('conversation_id', 'external_id', name=op.f('uq_messages_conversation_id_external_id'))
    )
    op.create_index('ix_messages_conversation_id_id', 'messages', ['conversation_id', 'id'], unique=False)
    op.create_index('ix_messages_delivery_state', 'messages', ['delivery_state'], unique=False)
    op.create_table('order_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('offer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('discount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('added_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('capsule_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('is_cross_sell', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('discount >= 0', name=op.f('ck_order_items_discount_not_negative')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_order_items_price_not_negative')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_order_items_quantity_positive')),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_order_items_added_by_id_users')),
    sa.ForeignKeyConstraint(['capsule_id'], ['capsules.id'], name=op.f('fk_order_items_capsule_id_capsules')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_order_items_offer_id_offers')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_items_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_items'))
    )
    op.create_index('ix_order_items_capsule_id', 'order_items', ['capsule_id'], unique=False)
    op.create_index('ix_order_items_offer_id', 'order_items', ['offer_id'], unique=False)
    op.create_index(op.f('ix_order_items_order_id'), 'order_items', ['order_id'], unique=False)
    op.create_table('order_status_history',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('actor_kind', sa.String(length=16), nullable=False),
    sa.Column('from_status', sa.String(length=32), nullable=True),
    sa.Column('to_status', sa.String(length=32), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_order_status_history_actor_id_users')),
    sa.ForeignKeyConstraint(['from_status'], ['statuses.code'], name=op.f('fk_order_status_history_from_status_statuses')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_status_history_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_status'], ['statuses.code'], name=op.f('fk_order_status_history_to_status_statuses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_status_history'))
    )
    op.create_index('ix_order_status_history_order_id_id', 'order_status_history', ['order_id', 'id'], unique=False)
    op.create_table('promo_codes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('discount_pct', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('discount_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('child_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('discount_pct IS NOT NULL OR discount_amount IS NOT NULL', name=op.f('ck_promo_codes_has_discount')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_promo_codes_child_id_children')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_promo_codes_customer_id_customers')),
    sa.ForeignKeyConstraint(['used_order_id'], ['orders.id'], name=op.f('fk_promo_codes_used_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promo_codes')),
    sa.UniqueConstraint('code', name=op.f('uq_promo_codes_code'))
    )
    op.create_index(op.f('ix_promo_codes_customer_id'), 'promo_codes', ['customer_id'], unique=False)
    op.create_table('stock',
    sa.Column('offer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('store_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_stock_quantity_not_negative')),
    sa.CheckConstraint('reserved <= quantity', name=op.f('ck_stock_reserved_within_quantity')),
    sa.CheckConstraint('reserved >= 0', name=op.f('ck_stock_reserved_not_negative')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_stock_offer_id_offers')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_stock_store_id_stores')),
    sa.PrimaryKeyConstraint('offer_id', 'store_id', name=op.f('pk_stock'))
    )
    op.create_index('ix_stock_store_id', 'stock', ['store_id'], unique=False)
    op.create_table('tasks',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('assignee_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_tasks_assignee_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_tasks_created_by_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_tasks_customer_id_customers')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_tasks_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks'))
    )
    op.create_index('ix_tasks_assignee_id_done_at_due_at', 'tasks', ['assignee_id', 'done_at', 'due_at'], unique=False)
    op.create_index(op.f('ix_tasks_customer_id'), 'tasks', ['customer_id'], unique=False)
    op.create_index(op.f('ix_tasks_order_id'), 'tasks', ['order_id'], unique=False)
    _seed_reference_data()


def downgrade() -> None:
    op.drop_index(op.f('ix_tasks_order_id'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_customer_id'), table_name='tasks')
    op.drop_index('ix_tasks_assignee_id_done_at_due_at', table_name='tasks')
    op.drop_table('tasks')
    op.drop_index('ix_stock_store_id', table_name='stock')
    op.drop_table('stock')
    op.drop_index(op.f('ix_promo_codes_customer_id'), table_name='promo_codes')
    op.drop_table('promo_codes')
    op.drop_index('ix_order_status_history_order_id_id', table_name='order_status_history')
    op.drop_table('order_status_history')
    op.drop_index(op.f('ix_order_items_order_id'), table_name='order_items')
    op.drop_index('ix_order_items_offer_id', table_name='order_items')
    op.drop_index('ix_order_items_capsule_id', table_name='order_items')
    op.drop_table('order_items')
    op.drop_index('ix_messages_delivery_state', table_name='messages')
    op.drop_index('ix_messages_conversation_id_id', table_name='messages')
    op.drop_table('messages')
    op.drop_index('ix_capsule_items_product_id', table_name='capsule_items')
    op.drop_index('ix_capsule_items_offer_id', table_name='capsule_items')
    op.drop_index(op.f('ix_capsule_items_capsule_id'), table_name='capsule_items')
    op.drop_table('capsule_items')
    op.drop_index('ix_calls_order_id', table_name='calls')
    op.drop_index('ix_calls_operator_id_started_at', table_name='calls')
    op.drop_index('ix_calls_customer_id_started_at', table_name='calls')
    op.drop_table('calls')
    op.drop_index('ix_orders_status_created_at', table_name='orders')
    op.drop_index(op.f('ix_orders_shipping_store_id'), table_name='orders')
    op.drop_index('ix_orders_reserve_until', table_name='orders')
    op.drop_index('ix_orders_queue', table_name='orders', postgresql_where=sa.text("status IN ('needs_confirmation', 'no_answer')"), sqlite_where=sa.text("status IN ('needs_confirmation', 'no_answer')"))
    op.drop_index('ix_orders_operator_status', table_name='orders')
    op.drop_index('ix_orders_next_attempt_at', table_name='orders')
    op.drop_index('ix_orders_customer_created_at', table_name='orders')
    op.drop_index('ix_orders_created_at_id', table_name='orders')
    op.drop_index(op.f('ix_orders_contact_phone_e164'), table_name='orders')
    op.drop_table('orders')
    op.drop_index(op.f('ix_offers_product_id'), table_name='offers')
    op.drop_table('offers')
    op.drop_index('ix_customer_tags_tag', table_name='customer_tags')
    op.drop_table('customer_tags')
    op.drop_index('ix_customer_phones_tail10', table_name='customer_phones')
    op.drop_index('ix_customer_phones_e164', table_name='customer_phones')
    op.drop_index(op.f('ix_customer_phones_customer_id'), table_name='customer_phones')
    op.drop_table('customer_phones')
    op.drop_index(op.f('ix_customer_notes_customer_id'), table_name='customer_notes')
    op.drop_table('customer_notes')
    op.drop_index(op.f('ix_conversations_customer_id'), table_name='conversations')
    op.drop_table('conversations')
    op.drop_index(op.f('ix_children_customer_id'), table_name='children')
    op.drop_index(op.f('ix_children_birth_date'), table_name='children')
    op.drop_table('children')
    op.drop_table('status_transitions')
    op.drop_table('settings')
    op.drop_index(op.f('ix_products_category_id'), table_name='products')
    op.drop_table('products')
    op.drop_index('ix_outbox_events_aggregate', table_name='outbox_events')
    op.drop_table('outbox_events')
    op.drop_index('ix_dead_letters_source_resolved_at', table_name='dead_letters')
    op.drop_table('dead_letters')
    op.drop_index(op.f('ix_customers_merged_into_id'), table_name='customers')
    op.drop_index('ix_customers_last_name', table_name='customers')
    op.drop_index('ix_customers_email_lower', table_name='customers')
    op.drop_table('customers')
    op.drop_table('users')
    op.drop_index(op.f('ix_stores_city'), table_name='stores')
    op.drop_table('stores')
    op.drop_table('statuses')
    op.drop_table('message_templates')
    op.drop_index(op.f('ix_categories_parent_id'), table_name='categories')
    op.drop_table('categories')
    op.drop_table('capsules')


# Reference data. Written out literally (not imported from app/) so this revision means the same
# thing forever, whatever the code becomes.
STATUSES = [
    # code, name_ru, name_en, group, ordering, is_final
    ("new", "Новый", "New", "new", 10, False),
    ("needs_confirmation", "Требует согласования", "Needs confirmation", "approval", 20, False),
    ("no_answer", "Недозвон", "No answer", "approval", 30, False),
    ("confirmed", "Согласован", "Confirmed", "approval", 40, False),
    ("assembling", "Комплектация", "Assembling", "assembling", 50, False),
    ("ready_for_pickup", "Готов к выдаче", "Ready for pickup", "delivery", 60, False),
    ("shipped", "Передан в доставку", "Shipped", "delivery", 70, False),
    ("completed", "Выполнен", "Completed", "complete", 80, True),
    ("cancelled", "Отменён", "Cancelled", "cancel", 90, True),
    ("returned", "Возврат", "Returned", "cancel", 100, True),
]

_OPERATOR = {
    "new": ["needs_confirmation", "confirmed", "cancelled"],
    "needs_confirmation": ["confirmed", "no_answer", "cancelled"],
    "no_answer": ["needs_confirmation", "confirmed", "no_answer", "cancelled"],
    "confirmed": ["needs_confirmation", "cancelled"],
}
# Fulfilment steps normally come from the ERP (acting as the robot) but a supervisor can do them.
_FULFILMENT = {
    "confirmed": ["assembling", "ready_for_pickup", "shipped"],
    "assembling": ["ready_for_pickup", "shipped", "cancelled"],
    "ready_for_pickup": ["completed", "cancelled"],
    "shipped": ["completed", "returned", "cancelled"],
    "completed": ["returned"],
}
_ROBOT = {
    "new": ["confirmed", "needs_confirmation"],
    "needs_confirmation": ["cancelled"],
    "no_answer": ["needs_confirmation", "cancelled"],
    **_FULFILMENT,
}
_SUPERVISOR = {k: sorted(set(_OPERATOR.get(k, [])) | set(_FULFILMENT.get(k, []))) for k in
               set(_OPERATOR) | set(_FULFILMENT)}
_SUPERVISOR["cancelled"] = ["needs_confirmation"]  # restore a wrongly cancelled order

TRANSITIONS = {
    "operator": _OPERATOR,
    "manager": _OPERATOR,
    "supervisor": _SUPERVISOR,
    "admin": _SUPERVISOR,
    "robot": _ROBOT,
}

TEMPLATES = [
    ("no_answer_sms", "sms", "Недозвон: SMS клиенту",
     "Здравствуйте, {first_name}! Не смогли дозвониться по заказу {number}. "
     "Перезвоним через 3 часа или позвоните нам: {shop_phone}."),
    ("cancelled_not_reached_sms", "sms", "Отмена: клиент не отвечает",
     "{first_name}, заказ {number} отменён: мы не смогли до вас дозвониться. "
     "Оформите его заново, когда будет удобно."),
    ("ready_for_pickup_sms", "sms", "Готов к выдаче",
     "Заказ {number} ждёт вас в магазине {store} до {reserve_until}."),
    ("birthday_promo_sms", "sms", "День рождения ребёнка",
     "{first_name}, у {child_name} скоро день рождения! Дарим скидку {discount}% по промокоду "
     "{code} до {valid_to}."),
]


def _seed_reference_data() -> None:
    statuses = sa.table(
        "statuses",
        sa.column("code", sa.String), sa.column("name_ru", sa.String),
        sa.column("name_en", sa.String), sa.column("group", sa.String),
        sa.column("ordering", sa.Integer), sa.column("is_final", sa.Boolean),
        sa.column("is_active", sa.Boolean),
    )
    op.bulk_insert(statuses, [
        {"code": c, "name_ru": ru, "name_en": en, "group": g, "ordering": o, "is_final": f,
         "is_active": True}
        for c, ru, en, g, o, f in STATUSES
    ])
    transitions = sa.table(
        "status_transitions",
        sa.column("from_code", sa.String), sa.column("to_code", sa.String),
        sa.column("role", sa.String),
    )
    op.bulk_insert(transitions, [
        {"from_code": src, "to_code": dst, "role": role}
        for role, matrix in TRANSITIONS.items()
        for src, targets in sorted(matrix.items())
        for dst in targets
    ])
    templates = sa.table(
        "message_templates",
        sa.column("code", sa.String), sa.column("channel", sa.String),
        sa.column("name", sa.String), sa.column("body", sa.Text),
        sa.column("is_active", sa.Boolean),
    )
    op.bulk_insert(templates, [
        {"code": c, "channel": ch, "name": n, "body": b, "is_active": True}
        for c, ch, n, b in TEMPLATES
    ])
