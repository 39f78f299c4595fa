"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 20:53:12.184944
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('advisor',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('advisor_type', sa.String(length=8), nullable=False),
    sa.Column('staff_number', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.String(length=64), nullable=True),
    sa.Column('kabupaten', sa.String(length=200), nullable=True),
    sa.Column('kecamatan', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("advisor_type IN ('PKH', 'TKSK', 'OTHER')", name=op.f('ck_advisor_advisor_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advisor'))
    )
    with op.batch_alter_table('advisor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advisor_kabupaten'), ['kabupaten'], unique=False)
        batch_op.create_index(batch_op.f('ix_advisor_updated_at'), ['updated_at'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('target_level',
    sa.Column('advisor_type', sa.String(length=8), nullable=False),
    sa.Column('cell_code', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('level >= 0 AND level <= 4', name=op.f('ck_target_level_level_range')),
    sa.PrimaryKeyConstraint('advisor_type', 'cell_code', name=op.f('pk_target_level'))
    )
    op.create_table('tombstone',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'record_id', name=op.f('pk_tombstone'))
    )
    op.create_table('warong',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('kube_name', sa.String(length=200), nullable=True),
    sa.Column('address', sa.String(length=1000), nullable=True),
    sa.Column('kelurahan', sa.String(length=200), nullable=False),
    sa.Column('kecamatan', sa.String(length=200), nullable=False),
    sa.Column('kabupaten', sa.String(length=200), nullable=False),
    sa.Column('provinsi', sa.String(length=200), nullable=False),
    sa.Column('year_founded', sa.Integer(), nullable=True),
    sa.Column('member_count', sa.Integer(), nullable=True),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warong')),
    sa.UniqueConstraint('kabupaten', 'kecamatan', 'kelurahan', 'name_key', name=op.f('uq_warong_kabupaten_kecamatan_kelurahan_name_key'))
    )
    with op.batch_alter_table('warong', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_warong_kabupaten'), ['kabupaten'], unique=False)
        batch_op.create_index(batch_op.f('ix_warong_kecamatan'), ['kecamatan'], unique=False)
        batch_op.create_index(batch_op.f('ix_warong_updated_at'), ['updated_at'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('advisor_id', sa.Uuid(), nullable=False),
    sa.Column('warong_id', sa.Uuid(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('instrument_version', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'final')", name=op.f('ck_assessment_status')),
    sa.ForeignKeyConstraint(['advisor_id'], ['advisor.id'], name=op.f('fk_assessment_advisor_id_advisor')),
    sa.ForeignKeyConstraint(['warong_id'], ['warong.id'], name=op.f('fk_assessment_warong_id_warong')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('advisor_id', 'warong_id', 'period', name=op.f('uq_assessment_advisor_id_warong_id_period'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_advisor_id'), ['advisor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_warong_id'), ['warong_id'], unique=False)

    op.create_table('assignment',
    sa.Column('advisor_id', sa.Uuid(), nullable=False),
    sa.Column('warong_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['advisor_id'], ['advisor.id'], name=op.f('fk_assignment_advisor_id_advisor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['warong_id'], ['warong.id'], name=op.f('fk_assignment_warong_id_warong'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('advisor_id', 'warong_id', name=op.f('pk_assignment'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_warong_id'), ['warong_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('advisor_id', sa.Uuid(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('cell_code', sa.String(length=16), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_audit_entry_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('exchange_conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('incoming', sa.JSON(), nullable=False),
    sa.Column('source_file', sa.String(length=1000), nullable=True),
    sa.Column('source_id', sa.String(length=64), nullable=True),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=True),
    sa.Column('resolved_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_exchange_conflict_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_conflict'))
    )
    with op.batch_alter_table('exchange_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_conflict_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('rating',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('cell_code', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('NOT (not_applicable AND level IS NOT NULL)', name=op.f('ck_rating_na_has_no_level')),
    sa.CheckConstraint('level IS NULL OR (level >= 0 AND level <= 4)', name=op.f('ck_rating_level_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_rating_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating')),
    sa.UniqueConstraint('assessment_id', 'cell_code', name=op.f('uq_rating_assessment_id_cell_code'))
    )


def downgrade() -> None:
    op.drop_table('rating')
    with op.batch_alter_table('exchange_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_conflict_assessment_id'))

    op.drop_table('exchange_conflict')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_assessment_id'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_warong_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_warong_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_updated_at'))
        batch_op.drop_index(batch_op.f('ix_assessment_period'))
        batch_op.drop_index(batch_op.f('ix_assessment_advisor_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('warong', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_warong_updated_at'))
        batch_op.drop_index(batch_op.f('ix_warong_kecamatan'))
        batch_op.drop_index(batch_op.f('ix_warong_kabupaten'))

    op.drop_table('warong')
    op.drop_table('tombstone')
    op.drop_table('target_level')
    op.drop_table('meta')
    with op.batch_alter_table('advisor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_advisor_updated_at'))
        batch_op.drop_index(batch_op.f('ix_advisor_kabupaten'))

    op.drop_table('advisor')
