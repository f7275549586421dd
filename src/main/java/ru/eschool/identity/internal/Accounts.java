package ru.eschool.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.AccountPrincipal;
import ru.eschool.shared.Db;
import ru.eschool.shared.InstitutionDirectory;
import ru.eschool.shared.Role;
import ru.eschool.shared.RoleGrant;

/** Accounts and their role grants. Logins are stored in lower case and are unique. */
@Repository
public class Accounts {

	public record Account(long id, String login, @Nullable String passwordHash, String displayName,
			@Nullable String email, boolean enabled) {
	}

	private final JdbcClient db;
	private final Clock clock;
	private final InstitutionDirectory institutions;

	Accounts(JdbcClient db, Clock clock, InstitutionDirectory institutions) {
		this.db = db;
		this.clock = clock;
		this.institutions = institutions;
	}

	public static String normalizeLogin(String login) {
		return login.strip().toLowerCase(Locale.ROOT);
	}

	public Optional<Account> byLogin(String login) {
		return db.sql("select id, login, password_hash, display_name, email, enabled from identity_account where login = :l")
			.param("l", normalizeLogin(login)).query(Account.class).optional();
	}

	public Optional<Account> byId(long id) {
		return db.sql("select id, login, password_hash, display_name, email, enabled from identity_account where id = :id")
			.param("id", id).query(Account.class).optional();
	}

	public boolean loginTaken(String login) {
		return db.sql("select count(*) from identity_account where login = :l").param("l", normalizeLogin(login))
			.query(Long.class).single() > 0;
	}

	public long create(String login, @Nullable String passwordHash, String displayName) {
		return Db.insert(db.sql("""
				insert into identity_account (login, password_hash, display_name, enabled, created_at, password_changed_at)
				values (:login, :hash, :name, true, :now, :now)""")
			.param("login", normalizeLogin(login)).param("hash", passwordHash).param("name", displayName)
			.param("now", Db.utc(clock.instant())));
	}

	public void addGrant(long accountId, Role role, @Nullable Long institutionId, @Nullable Long personId) {
		db.sql("""
				insert into identity_role_grant (account_id, role, institution_id, person_id, created_at)
				values (:a, :role, :inst, :person, :now)""")
			.param("a", accountId).param("role", role.name()).param("inst", institutionId).param("person", personId)
			.param("now", Db.utc(clock.instant())).update();
	}

	public boolean hasGrant(long accountId, Role role, @Nullable Long personId) {
		String person = personId == null ? "person_id is null" : "person_id = " + personId.longValue();
		return db.sql("select count(*) from identity_role_grant where account_id = :a and role = :role and " + person)
			.param("a", accountId).param("role", role.name()).query(Long.class).single() > 0;
	}

	public void changePassword(long accountId, String passwordHash) {
		db.sql("update identity_account set password_hash = :h, password_changed_at = :now where id = :id")
			.param("h", passwordHash).param("now", Db.utc(clock.instant())).param("id", accountId).update();
	}

	public void changeEmail(long accountId, @Nullable String email) {
		// a changed address is no longer the confirmed one
		db.sql("""
				update identity_account set email = :e,
				  email_confirmed = case when email_confirmed = :e then email_confirmed else null end
				where id = :id""").param("e", email).param("id", accountId).update();
	}

	public List<RoleGrant> grants(long accountId) {
		record Row(long id, String role, @Nullable Long institutionId, @Nullable Long personId) {
		}
		List<Row> rows = db.sql("""
				select id, role, institution_id, person_id from identity_role_grant
				where account_id = :a order by id""").param("a", accountId).query(Row.class).list();
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			if (r.institutionId() != null) {
				ids.add(r.institutionId());
			}
		});
		Map<Long, String> names = ids.isEmpty() ? Map.of() : institutions.shortNames(ids);
		List<RoleGrant> grants = new ArrayList<>(rows.size());
		for (Row r : rows) {
			grants.add(new RoleGrant(r.id(), Role.valueOf(r.role()), r.institutionId(), r.personId(),
					r.institutionId() == null ? "" : names.getOrDefault(r.institutionId(), "")));
		}
		return grants;
	}

	public AccountPrincipal principal(Account a) {
		return new AccountPrincipal(a.id(), a.login(), a.passwordHash(), a.displayName(), grants(a.id()), a.enabled());
	}

	/** Persons of a role who already have an account, among the given. */
	public Set<Long> personsWithAccounts(Role role, java.util.Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(db.sql("select person_id from identity_role_grant where role = :r and person_id in (:ids)")
			.param("r", role.name()).param("ids", personIds).query(Long.class).list());
	}

	/**
	 * The accounts acting as any of the given persons in their role (role → person ids), in the
	 * order of the roles given, then of person and account; one statement.
	 */
	public Set<Long> accountIdsOf(Map<Role, ? extends java.util.Collection<Long>> people) {
		List<String> branches = new ArrayList<>();
		Map<String, Object> params = new java.util.HashMap<>();
		people.forEach((role, ids) -> {
			if (!ids.isEmpty()) {
				int i = branches.size();
				branches.add("(role = :r" + i + " and person_id in (:p" + i + "))");
				params.put("r" + i, role.name());
				params.put("p" + i, ids);
			}
		});
		Map<String, List<Long>> byRole = new java.util.HashMap<>();
		if (!branches.isEmpty()) {
			db.sql("select role, account_id from identity_role_grant where " + String.join(" or ", branches)
					+ " order by person_id, account_id")
				.params(params).query(rs -> {
					byRole.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		Set<Long> result = new java.util.LinkedHashSet<>();
		people.keySet().forEach(role -> result.addAll(byRole.getOrDefault(role.name(), List.of())));
		return result;
	}

	/** Person id → the accounts holding a grant in this role for that person (one statement). */
	public Map<Long, List<Long>> accountsOf(Role role, java.util.Collection<Long> personIds) {
		Map<Long, List<Long>> result = new java.util.HashMap<>();
		if (!personIds.isEmpty()) {
			db.sql("select person_id, account_id from identity_role_grant where role = :r and person_id in (:ids) order by person_id, account_id")
				.param("r", role.name()).param("ids", personIds)
				.query(rs -> {
					result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		return result;
	}

	/** Removes the grants of a person record in these roles; returns the logins that held them. */
	public java.util.List<String> removeGrants(java.util.Collection<Role> roles, long personId) {
		java.util.List<String> names = roles.stream().map(Role::name).toList();
		java.util.List<String> logins = db.sql("""
				select distinct a.login from identity_account a join identity_role_grant g on g.account_id = a.id
				where g.role in (:roles) and g.person_id = :p""").param("roles", names).param("p", personId)
			.query(String.class).list();
		db.sql("delete from identity_role_grant where role in (:roles) and person_id = :p").param("roles", names)
			.param("p", personId).update();
		return logins;
	}

	/** Whether any account holds the role. */
	public boolean anyWithRole(Role role) {
		return db.sql("select count(*) from identity_role_grant where role = :r").param("r", role.name())
			.query(Long.class).single() > 0;
	}

	public void recordConsent(long accountId, String textVersion) {
		db.sql("insert into identity_consent (account_id, text_version, given_at) values (:a, :v, :now)")
			.param("a", accountId).param("v", textVersion).param("now", Db.utc(clock.instant())).update();
	}
}
