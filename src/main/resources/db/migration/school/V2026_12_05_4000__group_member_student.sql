-- A student's groups: the diary week and the journal's pupil list look group members up by
-- student. The primary key (group_id, student_id) cannot serve that, so on a whole region
-- (160,000 members) each lookup read the whole table (17-50 ms); with this index, well under 1 ms.
create index school_group_member_student on school_group_member (student_id);
