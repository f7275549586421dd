package ru.eschool.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;

@EschoolTest
@Import(StatementCounter.class)
class DeferredCompletionsTests {

	record Happened(long id) {
	}

	private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of("tests.DeferredCompletions");

	@Autowired @Qualifier("jdbcEventPublicationRepository") EventPublicationRepository jdbc;
	@Autowired EventPublicationRepository registryRepository;
	@Autowired JdbcClient db;

	private final long event = System.nanoTime();

	@AfterEach
	void removeTheTestsPublications() {
		db.sql("delete from event_publication where listener_id = :l").param("l", LISTENER.getValue()).update();
	}

	@Test
	void theRegistryUsesTheDeferringRepository() {
		assertThat(registryRepository).isInstanceOf(DeferredCompletions.class);
		assertThat(((DeferredCompletions) registryRepository).isRunning()).isTrue();
	}

	@Test
	void processingIsNotWrittenAndCompletionsAreDeletedTogetherLater() throws Exception {
		DeferredCompletions completions = new DeferredCompletions(jdbc, Duration.ofHours(1));
		completions.start();
		try {
			UUID first = publish(completions, 1);
			UUID second = publish(completions, 2);

			assertThat(StatementCounter.count(() -> completions.markProcessing(first))).isZero();
			assertThat(status(first)).isEqualTo("PUBLISHED");

			assertThat(StatementCounter.count(() -> {
				completions.markCompleted(first, Instant.now());
				completions.markCompleted(second, Instant.now());
			})).isZero();
			assertThat(stored()).isEqualTo(2);

			assertThat(StatementCounter.count(completions::deleteCompleted)).isEqualTo(1);
			assertThat(stored()).isZero();
			assertThat(StatementCounter.count(completions::deleteCompleted)).isZero();
		}
		finally {
			completions.stop();
		}
	}

	@Test
	void aReadOfTheRegistryNeverSeesACompletedPublicationAsIncomplete() {
		DeferredCompletions completions = new DeferredCompletions(jdbc, Duration.ofHours(1));
		completions.start();
		try {
			UUID done = publish(completions, 1);
			UUID pending = publish(completions, 2);
			completions.markCompleted(done, Instant.now());

			assertThat(completions.findIncompletePublications()).extracting(TargetEventPublication::getIdentifier)
				.contains(pending)
				.doesNotContain(done);
		}
		finally {
			completions.stop();
		}
	}

	@Test
	void stoppingDeletesWhatCompleted() {
		DeferredCompletions completions = new DeferredCompletions(jdbc, Duration.ofHours(1));
		completions.start();
		UUID done = publish(completions, 1);
		completions.markCompleted(done, Instant.now());
		assertThat(stored()).isEqualTo(1);

		completions.stop();

		assertThat(stored()).isZero();
		assertThat(completions.isRunning()).isFalse();
	}

	@Test
	void aDeletionThatFailsKeepsTheCompletionsForTheNextRound() {
		boolean[] fail = { true };
		EventPublicationRepository flaky = (EventPublicationRepository) java.lang.reflect.Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { EventPublicationRepository.class }, (proxy, method, args) -> {
					if (method.getName().equals("deletePublications") && fail[0]) {
						throw new org.springframework.dao.TransientDataAccessResourceException("the database went away");
					}
					try {
						return method.invoke(jdbc, args);
					} catch (java.lang.reflect.InvocationTargetException e) {
						throw e.getCause();
					}
				});
		DeferredCompletions completions = new DeferredCompletions(flaky, Duration.ofHours(1));
		completions.start();
		try {
			UUID done = publish(completions, 1);
			completions.markCompleted(done, Instant.now());
			org.assertj.core.api.Assertions.assertThatThrownBy(completions::deleteCompleted)
				.isInstanceOf(org.springframework.dao.TransientDataAccessResourceException.class);
			assertThat(stored()).isEqualTo(1);

			fail[0] = false;
			completions.deleteCompleted();
			assertThat(stored()).isZero();
		}
		finally {
			completions.stop();
		}
	}

	@Test
	void beforeItStartsOrAfterItStoppedACompletionIsDeletedAtOnce() {
		DeferredCompletions completions = new DeferredCompletions(jdbc, Duration.ofHours(1));
		UUID done = publish(completions, 1);

		completions.markCompleted(done, Instant.now());

		assertThat(stored()).isZero();
	}

	@Test
	void theApplicationsRepositoryDeletesCompletedPublicationsWithinItsInterval() {
		UUID done = publish(registryRepository, 1);
		registryRepository.markCompleted(done, Instant.now());

		await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 0);
	}

	private UUID publish(EventPublicationRepository repository, long n) {
		return repository.create(TargetEventPublication.of(new Happened(event + n), LISTENER)).getIdentifier();
	}

	private int stored() {
		return db.sql("select count(*) from event_publication where listener_id = :l").param("l", LISTENER.getValue())
			.query(Integer.class).single();
	}

	private String status(UUID id) {
		return db.sql("select status from event_publication where id = :id").param("id", id).query(String.class).single();
	}
}
