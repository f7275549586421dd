-- A holiday may apply to some grades only (e.g. the extra February week of the first grade):
-- grades grade_from..grade_to; existing holidays apply to every grade.
alter table school_holiday add column grade_from int not null default 1;
alter table school_holiday add column grade_to int not null default 11;
alter table school_holiday add constraint school_holiday_grades check (grade_from between 1 and 11 and grade_to between grade_from and 11);
