--liquibase formatted sql

--changeset sportello:tenant-function-book runOnChange:true splitStatements:false
--comment: the booking function's current text, here only, changed here in place and re-applied when it changes
--comment: (drop and create: a new parameter makes a new signature; give it a default, so that a node still running the
--comment: previous version keeps booking during a rolling deploy). A booking in one call: the practice and the slot
--comment: checked, the person and account claims taken first, the rows written, the request's origin kept for the
--comment: abuse report, and last the slot's place, guarded; any refusal (SQLSTATE SP409) leaves nothing written.
--comment: Its history is git's; tenant-8 and tenant-9 in changelog.sql are the applied first versions.
drop function if exists book;
create function book(
    p_reference varchar, p_slot_id bigint, p_practice_id bigint, p_channel varchar, p_account_id bigint,
    p_association_id bigint, p_practice_number varchar, p_email varchar, p_phone varchar, p_language varchar,
    p_person_keys varchar[], p_full_names varchar[], p_minors boolean[], p_nationalities varchar[],
    p_birth_dates date[], p_claim_account boolean,
    p_tenant_slug varchar, p_actor varchar, p_event_type varchar, p_event_payload text, p_lock_timeout text,
    p_origin varchar default null)
returns timestamptz
language plpgsql
set search_path from current
as $$
declare
    v_practice practice%rowtype;
    v_slot slot%rowtype;
    v_booking_id bigint;
    v_claimed integer;
begin
    perform set_config('lock_timeout', p_lock_timeout, true);
    select * into v_practice from practice where id = p_practice_id;
    if not found or not v_practice.active or not may_book(v_practice.bookable_by, p_channel) then
        raise exception using errcode = 'SP409', message = 'PRACTICE_NOT_BOOKABLE';
    end if;
    select * into v_slot from slot where id = p_slot_id;
    if not found or v_slot.service_line_id <> v_practice.service_line_id or v_slot.released_at > now()
            or v_slot.starts_at <= now() then
        raise exception using errcode = 'SP409', message = 'SLOT_NOT_BOOKABLE';
    end if;
    if v_slot.booked + v_slot.held >= v_slot.capacity then
        return null;
    end if;
    if v_practice.kind = 'PICK_UP' and p_channel <> 'OFFICE' and not exists (
            select 1 from ready_for_pickup where practice_number = p_practice_number
            and (person_key is null or person_key = p_person_keys[1])) then
        raise exception using errcode = 'SP409', message = 'NOT_READY_FOR_PICKUP';
    end if;
    insert into platform.person_claim (person_key, tenant_slug, booking_reference)
        select k, p_tenant_slug, p_reference from unnest(p_person_keys) k
        on conflict (person_key) do nothing;
    get diagnostics v_claimed = row_count;
    if v_claimed < cardinality(p_person_keys) then
        raise exception using errcode = 'SP409', message = 'PERSON_ALREADY_BOOKED';
    end if;
    if p_claim_account then
        insert into platform.account_claim (account_id, tenant_slug, booking_reference)
            values (p_account_id, p_tenant_slug, p_reference) on conflict (account_id) do nothing;
        get diagnostics v_claimed = row_count;
        if v_claimed = 0 then
            raise exception using errcode = 'SP409', message = 'ACCOUNT_ALREADY_BOOKED';
        end if;
    end if;
    insert into booking (reference, slot_id, practice_id, channel, status, account_id, association_id,
            practice_number, email, phone, language)
        values (p_reference, p_slot_id, p_practice_id, p_channel, 'BOOKED', p_account_id, p_association_id,
            p_practice_number, p_email, p_phone, p_language)
        returning id into v_booking_id;
    insert into booking_person (booking_id, position, person_key, full_name, minor, nationality, birth_date)
        select v_booking_id, i - 1, p_person_keys[i], p_full_names[i], p_minors[i], p_nationalities[i], p_birth_dates[i]
        from generate_subscripts(p_person_keys, 1) i;
    insert into audit_event (actor, action, channel, booking_reference, subject, facts)
        values (p_actor, 'BOOKED', p_channel, p_reference, p_person_keys[1],
            json_build_object('startsAt', to_char(v_slot.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'slot', p_slot_id::text));
    insert into platform.domain_event (tenant_slug, type, payload) values (p_tenant_slug, p_event_type, p_event_payload);
    perform record_origin(p_tenant_slug, p_reference, null, p_account_id, p_origin);
    -- last, and guarded: the CHECK on slot stands behind this condition
    update slot set booked = booked + 1
        where id = p_slot_id and booked + held < capacity and released_at <= now() and starts_at > now();
    if not found then
        raise exception using errcode = 'SP409', message = 'SLOT_FULL';
    end if;
    return v_slot.starts_at;
end;
$$;
