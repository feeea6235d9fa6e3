--liquibase formatted sql

--changeset sportello:tenant-function-audit-event-append-only runOnChange:true splitStatements:false
--comment: the audit log is append-only: the trigger tenant-6 made calls this on every update or delete of an event
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are append-only';
end;
$$;
