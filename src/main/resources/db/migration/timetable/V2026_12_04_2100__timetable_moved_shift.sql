-- A moved lesson remembers its planned shift too, so that generating lessons again recognises the
-- planned slot it came from (shift, number and date) and never adds it twice.
alter table timetable_lesson add column moved_from_shift int;
