--liquibase formatted sql

--changeset sportello:tenant-function-due-work runOnChange:true splitStatements:false
--comment: every write that makes work due for a job lowers the job's instant in platform.due_work, so that the jobs
--comment: look only where something is due (issue 16). Triggers on the tables catch every writer, the book function
--comment: and the draw included. The platform row is locked only when the instant really goes down (the first booking
--comment: of a release storm, not every one); the row triggers but the booking's are deferred to the commit, so that it
--comment: is locked last and briefly.
--comment: A deferred trigger reads its row as the transaction leaves it, so that a job's own passing steps (an offer's
--comment: hold let go and offered again at once) do not make it due again.
--comment: The job names are those of the DueJob constants in core.booking. Each job writes its precise next instant
--comment: after a run, so a trigger may note an instant too early (it costs one run) but never too late.
create or replace function note_due_work(p_schema text, p_job text, p_due timestamptz) returns void
language plpgsql
as $$
begin
    if p_due is null then
        return;
    end if;
    update platform.due_work set due_at = p_due
        where schema_name = p_schema and job = p_job and due_at > p_due;
    if not found and not exists (select 1 from platform.due_work where schema_name = p_schema and job = p_job) then
        insert into platform.due_work (schema_name, job, due_at) values (p_schema, p_job, p_due)
            on conflict (schema_name, job) do update set due_at = least(due_work.due_at, excluded.due_at);
    end if;
end;
$$;

-- a draw entry: the draw is due when the release's window closes
create or replace function release_entry_due_work() returns trigger
language plpgsql
set search_path from current
as $$
begin
    perform note_due_work(TG_TABLE_SCHEMA, 'draw', (select e.release_at
        + make_interval(secs => coalesce((select draw_window_seconds from office_profile), 0))
        from release_entry e where e.id = new.id and e.status = 'ENTERED'));
    return null;
end;
$$;

-- a held place: its offer expires, or it is let go, at its until
create or replace function place_hold_due_work() returns trigger
language plpgsql
set search_path from current
as $$
begin
    perform note_due_work(TG_TABLE_SCHEMA, 'waiting-list', (select until from place_hold where id = new.id));
    return null;
end;
$$;

-- a person starts waiting: a free place may be offered to them at once
create or replace function waiting_entry_due_work() returns trigger
language plpgsql
set search_path from current
as $$
begin
    perform note_due_work(TG_TABLE_SCHEMA, 'waiting-list',
        (select now() from waiting_entry where id = new.id and status = 'WAITING'));
    return null;
end;
$$;

-- a place freed or added while people wait: it goes to them once it is released
create or replace function slot_freed_due_work() returns trigger
language plpgsql
set search_path from current
as $$
begin
    perform note_due_work(TG_TABLE_SCHEMA, 'waiting-list', (select greatest(s.released_at, now()) from slot s
        where s.id = new.id and s.booked + s.held < s.capacity and s.released_at <> 'infinity'
        and exists (select 1 from waiting_entry w join practice p on p.id = w.practice_id
                    where w.status = 'WAITING' and p.service_line_id = s.service_line_id)));
    return null;
end;
$$;

create or replace function slots_added_due_work() returns trigger
language plpgsql
set search_path from current
as $$
begin
    if exists (select 1 from waiting_entry where status = 'WAITING') then
        perform note_due_work(TG_TABLE_SCHEMA, 'waiting-list',
            (select greatest(min(released_at), now()) from added where released_at <> 'infinity' having count(*) > 0));
    end if;
    return null;
end;
$$;

-- a booking: reminded before its appointment (the reminders' row keeps the appointment: the lead is the job's
-- configuration), and asked for a confirmation some days before it when booked earlier than that
create or replace function booking_due_work() returns trigger
language plpgsql
set search_path from current
as $$
declare
    v_starts_at timestamptz;
    v_office office_profile%rowtype;
begin
    if new.status <> 'BOOKED' then
        return null;
    end if;
    select starts_at into v_starts_at from slot where id = new.slot_id and starts_at > now();
    if not found then
        return null;
    end if;
    -- the platform rows in one order everywhere (the jobs' names alphabetically), so two writers never deadlock
    select * into v_office from office_profile;
    if v_office.release_days_ahead is not null
            and new.created_at < v_starts_at - make_interval(days => v_office.confirm_days_ahead) then
        perform note_due_work(TG_TABLE_SCHEMA, 'confirmations',
            v_starts_at - make_interval(days => v_office.confirm_days_ahead));
    end if;
    perform note_due_work(TG_TABLE_SCHEMA, 'reminders', v_starts_at);
    return null;
end;
$$;

-- the office's settings (draw window, release schedule, offer hours, confirmation days): every job looks again
create or replace function office_profile_due_work() returns trigger
language plpgsql
set search_path from current
as $$
begin
    perform note_due_work(TG_TABLE_SCHEMA, j, now()) from unnest(array['confirmations', 'draw', 'reminders',
        'waiting-list']) j;
    return null;
end;
$$;

drop trigger if exists release_entry_due_work on release_entry;
create constraint trigger release_entry_due_work after insert or update of release_at on release_entry
    deferrable initially deferred for each row execute function release_entry_due_work();

drop trigger if exists place_hold_due_work on place_hold;
create constraint trigger place_hold_due_work after insert or update of until on place_hold
    deferrable initially deferred for each row execute function place_hold_due_work();

drop trigger if exists waiting_entry_due_work on waiting_entry;
create constraint trigger waiting_entry_due_work after insert on waiting_entry
    deferrable initially deferred for each row execute function waiting_entry_due_work();

drop trigger if exists slot_freed_due_work on slot;
create constraint trigger slot_freed_due_work after update of booked, held, capacity, released_at on slot
    deferrable initially deferred for each row
    when (new.booked + new.held < old.booked + old.held or new.capacity > old.capacity
        or new.released_at < old.released_at)
    execute function slot_freed_due_work();

-- a statement trigger, not deferred: the horizon and new hours insert slots by the thousand
drop trigger if exists slots_added_due_work on slot;
create trigger slots_added_due_work after insert on slot referencing new table as added
    for each statement execute function slots_added_due_work();

-- not deferred: at the commit, book() holds the slot's row, and a hot slot's bookings would wait on this as well
-- (measured: the hot slot of infra/bench/storm lost 13%); here it runs before book() takes the slot
drop trigger if exists booking_due_work on booking;
create trigger booking_due_work after insert or update of slot_id, created_at on booking
    for each row execute function booking_due_work();

drop trigger if exists office_profile_due_work on office_profile;
create trigger office_profile_due_work after update on office_profile
    for each statement execute function office_profile_due_work();
