package ru.eschool.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An account's id by its login, for set-up code that knows logins (the demo). */
@Service
public class AccountIds {

	private final JdbcClient db;

	AccountIds(JdbcClient db) {
		this.db = db;
	}

	public Optional<Long> byLogin(String login) {
		return db.sql("select id from identity_account where login = :l").param("l", login).query(Long.class).optional();
	}
}
