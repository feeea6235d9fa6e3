--liquibase formatted sql

--changeset sportello:tenant-function-notify-change runOnChange:true splitStatements:false
--comment: tells every node at commit that what the public reads of this Questura changed (its office, hours,
--comment: catalogue, closures, or which slots exist), so their read caches forget it: LISTEN sportello_changes, the
--comment: payload is the schema. A booking changes only slot.booked and slot.held and notifies nobody: free places on a
--comment: page are bounded by the availability cache's short time-to-live instead, and a commit with a NOTIFY takes a
--comment: database-wide lock that a release storm must not queue behind.
create or replace function notify_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('sportello_changes', tg_table_schema);
    return null;
end $$;
do $$
declare
    t text;
begin
    foreach t in array array['office_profile', 'site', 'service_line', 'opening_hours', 'walk_in_window',
            'walk_in_window_day', 'practice', 'practice_document', 'closure', 'counter_reduction'] loop
        execute format('drop trigger if exists %I on %I', t || '_changed', t);
        execute format('create trigger %I after insert or update or delete on %I'
            ' for each statement execute function notify_change()', t || '_changed', t);
    end loop;
end $$;
drop trigger if exists slot_changed on slot;
create trigger slot_changed after insert or delete or update of capacity, released_at, starts_at, ends_at on slot
    for each statement execute function notify_change();
