-- The database's guard behind the weekly template's clash check: one teacher, and one room, per
-- slot (weekday, shift, number) of a school year. Catches a double booking by two admins saving at
-- the same moment, which the check alone (read, then insert) lets through. Lessons without a room
-- (null) do not collide. Overlaps in time between two shifts stay the check's job.
create unique index timetable_template_teacher_slot
    on timetable_template_entry (academic_year_id, weekday, shift, number, teacher_id);
create unique index timetable_template_room_slot
    on timetable_template_entry (institution_id, academic_year_id, weekday, shift, number, room);
