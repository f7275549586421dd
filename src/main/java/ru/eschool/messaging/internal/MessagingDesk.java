package ru.eschool.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.messaging.AnnouncementPublished;
import ru.eschool.messaging.AnnouncementRead;
import ru.eschool.messaging.ConversationRead;
import ru.eschool.messaging.MessageSent;
import ru.eschool.messaging.internal.AddressBook.Contact;
import ru.eschool.messaging.internal.Bulletins.Audience;
import ru.eschool.messaging.internal.Bulletins.Kind;
import ru.eschool.messaging.internal.Conversations.View;
import ru.eschool.school.Correspondents;
import ru.eschool.school.Correspondents.ClassRef;
import ru.eschool.school.Correspondents.InstitutionRef;
import ru.eschool.shared.Actor;
import ru.eschool.shared.FileStore;
import ru.eschool.shared.Forbidden;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * What people do with messages and announcements: every check (who may write to whom, blocks,
 * the text, the file) comes before anything is stored; a refusal stores nothing.
 */
@Service
public class MessagingDesk {

	public static final int MAX_TEXT = 4000;
	public static final int MAX_TITLE = 200;
	public static final int MAX_REASON = 500;
	public static final int PREVIEW = 120;

	/** An uploaded file as the form received it (bytes empty when it was too big to read). */
	public record Upload(@Nullable String name, long size, byte[] bytes) {
	}

	/** Errors by field (nothing stored), or the conversation the message went to. */
	public record Sent(Map<String, String> errors, long conversationId) {
	}

	/** What an author may address: classes (teachers, school admins), institutions (regional admin), kinds, urgency. */
	public record Options(List<ClassRef> classes, List<InstitutionRef> institutions, Set<Kind> kinds, boolean urgent) {
	}

	/** The announcement form as typed. */
	public record AnnouncementInput(String title, String body, Set<Kind> kinds, List<Long> classIds, List<Long> institutionIds,
			boolean urgent) {
	}

	private final Conversations conversations;
	private final Bulletins bulletins;
	private final Blocks blocks;
	private final Reports reports;
	private final AddressBook addressBook;
	private final Correspondents correspondents;
	private final FileStore files;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MessagingDesk(Conversations conversations, Bulletins bulletins, Blocks blocks, Reports reports, AddressBook addressBook,
			Correspondents correspondents, FileStore files, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.bulletins = bulletins;
		this.blocks = blocks;
		this.reports = reports;
		this.addressBook = addressBook;
		this.correspondents = correspondents;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	public static boolean mayConverse(Role role) {
		return role != Role.REGION_ADMIN;
	}

	/** The people the actor may start a conversation with, in their active role. */
	public List<Contact> contacts(Actor actor) {
		if (!mayConverse(actor.role())) {
			return List.of();
		}
		return addressBook.contactsOf(actor.accountId(), actor.role(), actor.institutionId(), actor.personId());
	}

	/** Writes to a contact: into the conversation the two already have, or a new one. */
	@Transactional
	public Sent send(Actor actor, String to, String text, @Nullable Upload upload) {
		Map<String, String> errors = check(text, upload);
		if (!mayConverse(actor.role())) {
			throw new Forbidden();
		}
		if (!to.matches("\\d{1,18}-[A-Z_]{1,20}")) {
			errors.putIfAbsent("to", I18n.t("messaging.to.missing"));
			return new Sent(errors, 0);
		}
		Contact contact = contacts(actor).stream().filter(c -> c.key().equals(to)).findFirst().orElseThrow(Forbidden::new);
		if (blocks.blocks(contact.accountId(), actor.accountId())) {
			errors.put("", I18n.t("messaging.blocked.you"));
		}
		if (!errors.isEmpty()) {
			return new Sent(errors, 0);
		}
		Instant now = clock.instant();
		long conversation = conversations
			.between(actor.institutionId(), actor.accountId(), actor.role(), actor.personId(), contact.accountId(),
					contact.role(), contact.personId())
			.orElseGet(() -> {
				long id = conversations.create(actor.institutionId(), now);
				conversations.addParticipant(id, actor.accountId(), actor.role(), actor.personId(), actor.displayName());
				conversations.addParticipant(id, contact.accountId(), contact.role(), contact.personId(), contact.name());
				return id;
			});
		store(actor, actor.institutionId(), conversation, contact.accountId(), text, upload, now);
		return new Sent(Map.of(), conversation);
	}

	/**
	 * Replies in a conversation the actor takes part in (404 otherwise), in the role they talk as
	 * there, while they still hold that role and may write to the other (403 otherwise: a role taken
	 * away, a relation that ended).
	 */
	@Transactional
	public Map<String, String> reply(Actor actor, long conversationId, String text, @Nullable Upload upload) {
		View view = conversations.view(actor.accountId(), conversationId).orElseThrow(NotFound::new);
		Map<String, String> errors = check(text, upload);
		// the account must still hold the role it talks as here (a revoked role does not live on in old conversations)
		boolean holds = actor.grants().stream()
			.anyMatch(g -> g.role() == view.me().role() && g.personId() != null && g.personId() == view.me().personId());
		boolean allowed = holds && addressBook.mayWrite(actor.accountId(), view.me().role(), view.institutionId(),
				view.me().personId(), view.other().accountId(), view.other().role(), view.other().personId());
		if (!allowed) {
			throw new Forbidden();
		}
		if (blocks.blocks(view.other().accountId(), actor.accountId())) {
			errors.put("", I18n.t("messaging.blocked.you"));
		}
		if (errors.isEmpty()) {
			store(actor, view.institutionId(), conversationId, view.other().accountId(), text, upload, clock.instant());
		}
		return errors;
	}

	private void store(Actor actor, long institutionId, long conversationId, long recipient, String text,
			@Nullable Upload upload, Instant now) {
		String body = clean(text);
		long message = conversations.addMessage(conversationId, actor.accountId(), body, now);
		if (upload != null) {
			conversations.addAttachment(message, files.store(upload.name(), upload.bytes()));
		}
		String preview = body.length() > PREVIEW ? body.substring(0, PREVIEW - 1) + "…" : body;
		events.publishEvent(new MessageSent(message, conversationId, actor.accountId(), actor.displayName(), List.of(recipient),
				preview, institutionId));
	}

	/**
	 * Typed text as stored: without NUL characters (PostgreSQL refuses them in a varchar, so a pasted
	 * or forged one would fail the request instead of saving the text) and without outer whitespace.
	 */
	public static String clean(String typed) {
		return typed.replace("\u0000", "").strip();
	}

	private static Map<String, String> check(String text, @Nullable Upload upload) {
		Map<String, String> errors = new LinkedHashMap<>();
		String body = clean(text);
		if (body.isEmpty()) {
			errors.put("text", I18n.t("messaging.text.empty"));
		}
		else if (body.length() > MAX_TEXT) {
			errors.put("text", I18n.t("messaging.text.tooLong", MAX_TEXT, body.length()));
		}
		if (upload != null) {
			FileStore.Problem p = FileStore.problem(upload.name(), upload.size(), upload.bytes());
			if (p != null) {
				errors.put("file", I18n.t("messaging.file." + p.name(), FileStore.safeName(upload.name()),
						FileStore.MAX_BYTES / 1024 / 1024));
			}
		}
		return errors;
	}

	/** The messages a conversation page shows at most; earlier ones are a link away. */
	public static final int PAGE = 100;

	/** A conversation as opened: the two sides, the messages shown (oldest first), whether earlier ones exist. */
	public record Opened(View view, List<Conversations.Message> messages, boolean earlier) {
	}

	/**
	 * A conversation for the actor (404 if not theirs): its latest {@link #PAGE} messages, or those
	 * before a message; marked read up to the last one shown.
	 */
	@Transactional
	public Opened open(Actor actor, long conversationId, @Nullable Long before) {
		View view = conversations.view(actor.accountId(), conversationId).orElseThrow(NotFound::new);
		Conversations.Page page = conversations.messages(conversationId, before, PAGE);
		List<Conversations.Message> messages = page.messages();
		// always one update (it changes nothing when all was read), so the page's statement count is constant
		if (conversations.markRead(actor.accountId(), conversationId,
				messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id())) {
			events.publishEvent(new ConversationRead(actor.accountId(), conversationId));
		}
		return new Opened(view, messages, page.earlier());
	}

	public boolean blocked(Actor actor, View view) {
		return blocks.blocks(actor.accountId(), view.other().accountId());
	}

	/** Whether the actor, as they talk in this conversation, may block the other. Students may not. */
	public static boolean mayBlock(View view) {
		return view.me().role() != Role.STUDENT;
	}

	@Transactional
	public void block(Actor actor, long conversationId, boolean block) {
		View view = conversations.view(actor.accountId(), conversationId).orElseThrow(NotFound::new);
		if (!mayBlock(view)) {
			throw new Forbidden();
		}
		if (block) {
			blocks.block(actor.accountId(), view.other().accountId(), clock.instant());
		}
		else {
			blocks.unblock(actor.accountId(), view.other().accountId());
		}
	}

	/** Reports a message the actor received; returns the conversation, or errors for an empty or long reason. */
	@Transactional
	public Map<String, String> report(Actor actor, long messageId, String reason, long[] conversationOut) {
		long[] m = conversations.messageOf(actor.accountId(), messageId).orElseThrow(NotFound::new);
		if (m[1] == actor.accountId()) {
			throw new Forbidden();
		}
		conversationOut[0] = m[0];
		String r = clean(reason);
		if (r.isEmpty()) {
			return Map.of("reason", I18n.t("messaging.report.empty"));
		}
		if (r.length() > MAX_REASON) {
			return Map.of("reason", I18n.t("messaging.report.tooLong", MAX_REASON));
		}
		View view = conversations.view(actor.accountId(), m[0]).orElseThrow(NotFound::new);
		reports.add(view.institutionId(), messageId, actor.accountId(), actor.displayName(), r, clock.instant());
		return Map.of();
	}

	public List<Reports.Report> reports(Actor actor) {
		actor.require(Role.SCHOOL_ADMIN);
		return reports.ofInstitution(actor.institutionId(), 100);
	}

	public Conversations.Attachment attachment(Actor actor, long id) {
		return conversations.attachment(actor.accountId(), id).orElseThrow(NotFound::new);
	}

	public FileStore files() {
		return files;
	}

	// ---- announcements

	/** What the actor may address; 403 for students and guardians. */
	public Options options(Actor actor) {
		return switch (actor.role()) {
			case TEACHER -> new Options(correspondents.classesOf(actor.institutionId(), actor.personId()), List.of(),
					EnumSet.of(Kind.STUDENT, Kind.GUARDIAN), false);
			case SCHOOL_ADMIN -> new Options(correspondents.classesOfSchool(actor.institutionId()), List.of(),
					EnumSet.allOf(Kind.class), true);
			case REGION_ADMIN -> new Options(List.of(), correspondents.institutions(), EnumSet.of(Kind.STAFF), true);
			default -> throw new Forbidden();
		};
	}

	/** Publishes an announcement to its audience: errors by field (nothing stored) or its id in "id". */
	@Transactional
	public Map<String, String> publish(Actor actor, AnnouncementInput in, long[] idOut) {
		Options options = options(actor);
		Map<Long, String> classNames = options.classes().stream().collect(Collectors.toMap(ClassRef::id, ClassRef::name));
		Map<Long, String> institutionNames = options.institutions().stream()
			.collect(Collectors.toMap(InstitutionRef::id, InstitutionRef::shortName));
		if (!classNames.keySet().containsAll(in.classIds()) || !institutionNames.keySet().containsAll(in.institutionIds())
				|| !options.kinds().containsAll(in.kinds()) || (in.urgent() && !options.urgent())) {
			throw new Forbidden();
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String title = clean(in.title());
		String body = clean(in.body());
		if (title.isEmpty()) {
			errors.put("title", I18n.t("messaging.title.empty"));
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", I18n.t("messaging.title.tooLong", MAX_TITLE));
		}
		if (body.isEmpty()) {
			errors.put("body", I18n.t("messaging.text.empty"));
		}
		else if (body.length() > MAX_TEXT) {
			errors.put("body", I18n.t("messaging.text.tooLong", MAX_TEXT, body.length()));
		}
		if (in.kinds().isEmpty()) {
			errors.put("kinds", I18n.t("messaging.kinds.empty"));
		}
		if (actor.is(Role.TEACHER) && in.classIds().isEmpty()) {
			errors.put("classes", I18n.t("messaging.classes.empty"));
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		Long institution = actor.institutionIdOrNull();
		List<Long> institutions = institution != null ? List.of(institution)
				: in.institutionIds().isEmpty() ? new ArrayList<>(institutionNames.keySet()) : in.institutionIds();
		String audience = institution != null
				? in.classIds().stream().distinct().map(classNames::get).collect(Collectors.joining(", "))
				: in.institutionIds().stream().distinct().map(institutionNames::get).collect(Collectors.joining(", "));
		if (audience.length() > 1000) {
			audience = audience.substring(0, 999) + "…";
		}
		String kinds = in.kinds().stream().sorted().map(Kind::name).collect(Collectors.joining(","));
		long id = bulletins.create(institution, actor.accountId(), actor.displayName(), title, body, in.urgent(), kinds, audience,
				clock.instant());
		bulletins.fanOut(id, actor.accountId(), new Audience(in.kinds(), institutions, in.classIds()));
		events.publishEvent(new AnnouncementPublished(id, institution, actor.accountId(), actor.displayName(), title, in.urgent()));
		idOut[0] = id;
		return Map.of();
	}

	/** An announcement the actor wrote or received (404 otherwise), marked read for a recipient. */
	@Transactional
	public Bulletins.Announcement read(Actor actor, long id) {
		Bulletins.Announcement a = bulletins.visibleTo(actor.accountId(), id).orElseThrow(NotFound::new);
		if (a.authorAccountId() != actor.accountId() && bulletins.markRead(actor.accountId(), id, clock.instant())) {
			events.publishEvent(new AnnouncementRead(actor.accountId(), id));
		}
		return a;
	}

	/** The announcement for its author's read report (404 for anyone else). */
	public Bulletins.Announcement ownAnnouncement(Actor actor, long id) {
		Bulletins.Announcement a = bulletins.visibleTo(actor.accountId(), id).orElseThrow(NotFound::new);
		if (a.authorAccountId() != actor.accountId()) {
			throw new NotFound();
		}
		return a;
	}

	public Bulletins bulletins() {
		return bulletins;
	}

	public Conversations conversations() {
		return conversations;
	}
}
