--liquibase formatted sql

--changeset sportello:tenant-function-may-book runOnChange:true splitStatements:false
--comment: which channel may book a practice, the one place this rule is written: the book function, the draw's
--comment: entries and the pages (through BookablePractices) all ask it. A citizen may not book a practice only
--comment: associations book, an association may not book one only citizens book; the office may book any.
create or replace function may_book(p_bookable_by varchar, p_channel varchar) returns boolean
language sql immutable
as $$
    select case p_channel
        when 'CITIZEN' then p_bookable_by <> 'ASSOCIATIONS'
        when 'ASSOCIATION' then p_bookable_by <> 'CITIZENS'
        else true
    end
$$;
