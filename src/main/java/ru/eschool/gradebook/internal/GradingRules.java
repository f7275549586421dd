package ru.eschool.gradebook.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.Grading.RoundingRule;

/** Each school's grading rules: whether a 1 may be given, and the rounding thresholds. */
@Repository
public class GradingRules {

	public record Rules(boolean allowOne, RoundingRule rounding) {

		static final Rules DEFAULT = new Rules(false, RoundingRule.DEFAULT);
	}

	private final JdbcClient db;

	GradingRules(JdbcClient db) {
		this.db = db;
	}

	public Rules of(long institutionId) {
		return db.sql("""
				select allow_one, threshold_five, threshold_four, threshold_three from gradebook_settings
				where institution_id = :i""").param("i", institutionId)
			.query((rs, n) -> new Rules(rs.getBoolean(1), new RoundingRule(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
			.optional().orElse(Rules.DEFAULT);
	}

	public void save(long institutionId, Rules rules) {
		db.sql("insert into gradebook_settings (institution_id) values (:i) on conflict do nothing").param("i", institutionId)
			.update();
		db.sql("""
				update gradebook_settings set allow_one = :one, threshold_five = :f5, threshold_four = :f4, threshold_three = :f3
				where institution_id = :i""").param("one", rules.allowOne()).param("f5", rules.rounding().five())
			.param("f4", rules.rounding().four()).param("f3", rules.rounding().three()).param("i", institutionId).update();
	}
}
