--liquibase formatted sql

--changeset sportello:tenant-function-record-origin runOnChange:true splitStatements:false
--comment: keeps the client address a booking or a draw entry came from, for the abuse report's signals by address:
--comment: the book function calls it in its own call, a draw entry in the entry's transaction; nothing without an address
create or replace function record_origin(p_tenant_slug varchar, p_reference varchar, p_entry_id bigint,
        p_account_id bigint, p_address varchar) returns void
language sql
as $$
    insert into platform.request_origin (tenant_slug, booking_reference, entry_id, account_id, address)
        select p_tenant_slug, p_reference, p_entry_id, p_account_id, left(p_address, 64)
        where p_address is not null
$$;
