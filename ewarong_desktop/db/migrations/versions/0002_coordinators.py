"""coordinators: coordinator users, verification, targets they set, development plans

Also adds a PIN hash to advisors and the coordinator who made an audit entry.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 12:47:35.978045
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coordinator',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('staff_number', sa.String(length=64), nullable=True),
    sa.Column('office', sa.String(length=200), nullable=True),
    sa.Column('whole_province', sa.Boolean(), nullable=False),
    sa.Column('kabupaten', sa.JSON(), nullable=False),
    sa.Column('pin_hash', sa.String(length=512), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coordinator'))
    )
    with op.batch_alter_table('coordinator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coordinator_updated_at'), ['updated_at'], unique=False)

    op.create_table('target_setting',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('advisor_type', sa.String(length=8), nullable=False),
    sa.Column('kabupaten', sa.String(length=200), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('cell_code', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('set_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('level >= 0 AND level <= 4', name=op.f('ck_target_setting_level_range')),
    sa.ForeignKeyConstraint(['set_by'], ['coordinator.id'], name=op.f('fk_target_setting_set_by_coordinator')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_setting')),
    sa.UniqueConstraint('advisor_type', 'kabupaten', 'period', 'cell_code', name=op.f('uq_target_setting_advisor_type_kabupaten_period_cell_code'))
    )
    with op.batch_alter_table('target_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_setting_updated_at'), ['updated_at'], unique=False)

    op.create_table('plan_action',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('suggestion', sa.String(length=64), nullable=True),
    sa.Column('owner', sa.String(length=16), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('cells', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("owner IN ('advisor', 'coordinator', 'dinas')", name=op.f('ck_plan_action_owner')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_plan_action_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['coordinator.id'], name=op.f('fk_plan_action_created_by_coordinator')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_action'))
    )
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_action_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_action_updated_at'), ['updated_at'], unique=False)

    op.create_table('verification',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('coordinator_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('verified', 'returned')", name=op.f('ck_verification_status')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_verification_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coordinator_id'], ['coordinator.id'], name=op.f('fk_verification_coordinator_id_coordinator')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification')),
    sa.UniqueConstraint('assessment_id', name=op.f('uq_verification_assessment_id'))
    )
    with op.batch_alter_table('verification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_coordinator_id'), ['coordinator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verification_updated_at'), ['updated_at'], unique=False)

    op.create_table('follow_up',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('action_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('by_advisor', sa.Uuid(), nullable=True),
    sa.Column('by_coordinator', sa.Uuid(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('done', 'partly', 'not_done')", name=op.f('ck_follow_up_status')),
    sa.ForeignKeyConstraint(['action_id'], ['plan_action.id'], name=op.f('fk_follow_up_action_id_plan_action'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up')),
    sa.UniqueConstraint('action_id', name=op.f('uq_follow_up_action_id'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_updated_at'), ['updated_at'], unique=False)

    op.create_table('verified_cell',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('verification_id', sa.Uuid(), nullable=False),
    sa.Column('cell_code', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.CheckConstraint('level IS NULL OR (level >= 0 AND level <= 4)', name=op.f('ck_verified_cell_level_range')),
    sa.ForeignKeyConstraint(['verification_id'], ['verification.id'], name=op.f('fk_verified_cell_verification_id_verification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verified_cell')),
    sa.UniqueConstraint('verification_id', 'cell_code', name=op.f('uq_verified_cell_verification_id_cell_code'))
    )
    op.create_table('verification_conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('incoming', sa.JSON(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('source_file', sa.String(length=1000), nullable=True),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=True),
    sa.Column('resolved_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_verification_conflict_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_conflict'))
    )
    with op.batch_alter_table('verification_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_conflict_assessment_id'), ['assessment_id'], unique=False)

    with op.batch_alter_table('advisor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pin_hash', sa.String(length=512), nullable=True))

    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coordinator_id', sa.Uuid(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('coordinator_id')

    with op.batch_alter_table('advisor', schema=None) as batch_op:
        batch_op.drop_column('pin_hash')

    with op.batch_alter_table('verification_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_conflict_assessment_id'))

    op.drop_table('verification_conflict')
    op.drop_table('verified_cell')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_updated_at'))

    op.drop_table('follow_up')
    with op.batch_alter_table('verification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_updated_at'))
        batch_op.drop_index(batch_op.f('ix_verification_coordinator_id'))

    op.drop_table('verification')
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_action_updated_at'))
        batch_op.drop_index(batch_op.f('ix_plan_action_assessment_id'))

    op.drop_table('plan_action')
    with op.batch_alter_table('target_setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_setting_updated_at'))

    op.drop_table('target_setting')
    with op.batch_alter_table('coordinator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coordinator_updated_at'))

    op.drop_table('coordinator')
