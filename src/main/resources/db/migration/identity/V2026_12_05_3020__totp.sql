-- The second factor of school and regional admins: a TOTP secret (RFC 6238), confirmed once the
-- admin typed a correct code; last_step refuses a code used a second time.
create table identity_totp (
    account_id   bigint primary key references identity_account (id),
    secret       varchar(64) not null,
    confirmed_at timestamp with time zone,
    last_step    bigint not null default 0
);
