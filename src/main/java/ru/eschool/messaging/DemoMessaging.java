package ru.eschool.messaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.messaging.internal.AddressBook.Contact;
import ru.eschool.messaging.internal.Bulletins.Kind;
import ru.eschool.messaging.internal.MessagingDesk;
import ru.eschool.messaging.internal.MessagingDesk.AnnouncementInput;
import ru.eschool.school.Correspondents.Relation;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;
import ru.eschool.shared.RoleGrant;

/**
 * Conversations and announcements for the demo accounts (called by the {@code demo} module once
 * the region and its accounts exist). Everything goes through the same desk as the pages, with
 * the same checks, so a conversation is only made between people who may talk. Runs once: when
 * the school admin has published an announcement already, it does nothing.
 */
@Service
public class DemoMessaging {

	private final MessagingDesk desk;
	private final JdbcClient db;

	DemoMessaging(MessagingDesk desk, JdbcClient db) {
		this.desk = desk;
		this.db = db;
	}

	/** Loads the demo conversations and announcements; returns how many messages were written. */
	@Transactional
	public int load(String parent, String teacher, String student, String schoolAdmin) {
		Optional<Actor> admin = actor(schoolAdmin);
		if (admin.isEmpty() || db.sql("select count(*) from messaging_announcement where author_account_id = :a")
			.param("a", admin.get().accountId()).query(Long.class).single() > 0) {
			return 0;
		}
		int written = 0;
		Optional<Actor> p = actor(parent);
		Optional<Actor> t = actor(teacher);
		Optional<Actor> s = actor(student);
		if (p.isPresent()) {
			Optional<Contact> childTeacher = pick(p.get(), t, Relation.CHILD_TEACHER, Relation.CLASS_TEACHER);
			if (childTeacher.isPresent()) {
				long c = send(p.get(), childTeacher.get(), "Здравствуйте! Подскажите, пожалуйста, к какому числу нужно сдать проект по математике? Сын говорит, что до пятницы, но в дневнике ничего нет.");
				reply(teacherOf(childTeacher.get()), c, "Добрый день! Проект сдаём до следующего вторника, задание я добавлю в дневник сегодня вечером.");
				reply(p.get(), c, "Спасибо большое, будем готовиться.");
				written += 3;
			}
			Optional<Contact> administration = pick(p.get(), admin, Relation.ADMINISTRATION);
			if (administration.isPresent()) {
				long c = send(p.get(), administration.get(), "Добрый день! Можно ли оформить дочери льготное питание с января? Какие документы нужны?");
				reply(admin.get(), c, "Здравствуйте! Да, можно: принесите в канцелярию заявление и справку о составе семьи до 25 декабря.");
				written += 2;
			}
		}
		if (t.isPresent()) {
			Optional<Contact> colleague = pick(t.get(), admin, Relation.COLLEAGUE);
			if (colleague.isPresent()) {
				long c = send(t.get(), colleague.get(), "Прошу согласовать перенос контрольной работы в 5А со среды на пятницу: в среду у класса экскурсия.");
				reply(admin.get(), c, "Согласовано, внесите изменение в расписание контрольных.");
				written += 2;
			}
		}
		if (s.isPresent()) {
			Optional<Contact> myTeacher = pick(s.get(), t, Relation.MY_TEACHER, Relation.CLASS_TEACHER);
			if (myTeacher.isPresent()) {
				send(s.get(), myTeacher.get(), "Здравствуйте! Я болел на прошлой неделе. Можно мне написать пропущенную самостоятельную работу после уроков?");
				written++;
			}
		}
		long[] id = new long[1];
		desk.publish(admin.get(), new AnnouncementInput("Родительское собрание 12 декабря",
				"Уважаемые родители и ученики! 12 декабря в 18:00 в актовом зале пройдёт общешкольное родительское собрание: итоги первого полугодия, подготовка к каникулам и новогодние мероприятия. Явка родителей обязательна.",
				EnumSet.allOf(Kind.class), List.of(), List.of(), false), id);
		if (p.isPresent()) {
			desk.read(p.get(), id[0]);
		}
		return written;
	}

	private Optional<Contact> pick(Actor from, Optional<Actor> preferred, Relation... relations) {
		List<Contact> contacts = desk.contacts(from);
		for (Relation r : relations) {
			for (Contact c : contacts) {
				if (c.relation() == r && preferred.isPresent() && c.accountId() == preferred.get().accountId()) {
					return Optional.of(c);
				}
			}
		}
		for (Relation r : relations) {
			for (Contact c : contacts) {
				if (c.relation() == r) {
					return Optional.of(c);
				}
			}
		}
		return Optional.empty();
	}

	private long send(Actor from, Contact to, String text) {
		return desk.send(from, to.key(), text, null).conversationId();
	}

	private void reply(Actor from, long conversation, String text) {
		desk.reply(from, conversation, text, null);
	}

	private Actor teacherOf(Contact c) {
		String login = db.sql("select login from identity_account where id = :a").param("a", c.accountId()).query(String.class).single();
		return actor(login, c.role()).orElseThrow();
	}

	private Optional<Actor> actor(String login) {
		return actor(login, null);
	}

	/** The demo account as an actor in its first grant (of the role, when given). Demo data only. */
	private Optional<Actor> actor(String login, @org.jspecify.annotations.Nullable Role role) {
		List<Object[]> rows = db.sql("""
				select a.id, a.display_name, g.id, g.role, g.institution_id, g.person_id from identity_account a
				join identity_role_grant g on g.account_id = a.id where a.login = :l order by g.id""").param("l", login)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), new RoleGrant(rs.getLong(3),
					Role.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getObject(6, Long.class), "") })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<RoleGrant> grants = new ArrayList<>();
		rows.forEach(r -> grants.add((RoleGrant) r[2]));
		RoleGrant active = grants.stream().filter(g -> role == null || g.role() == role).findFirst().orElse(grants.get(0));
		return Optional.of(new Actor((Long) rows.get(0)[0], login, (String) rows.get(0)[1], active, grants));
	}

}
