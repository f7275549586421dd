package ru.eschool.shared.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

/**
 * Modulith's JDBC event registry, with two writes a publication fewer (ADR 0016). In completion
 * mode {@code delete} the registry ran two transactions of its own around each listener, after the
 * listener's: one marking the publication as processing, one deleting it. Here the processing
 * mark is not written (nothing in the application reads it; an incomplete publication is
 * resubmitted at the next start whatever its status), and completed publications are deleted in
 * one statement every {@code interval} for all that completed in it, outside any transaction.
 * <p>
 * A node that dies after a listener committed and before the deletion leaves the publication to
 * be resubmitted at the next start, as it did before within a shorter window: every listener
 * recognises what it already did by its source key. Every read of the registry first deletes
 * what has completed, so it never sees a completed publication as incomplete.
 */
final class DeferredCompletions implements EventPublicationRepository, SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(DeferredCompletions.class);

	private final EventPublicationRepository delegate;
	private final Duration interval;
	private final ConcurrentLinkedQueue<UUID> completed = new ConcurrentLinkedQueue<>();
	private volatile ScheduledExecutorService deleter;

	DeferredCompletions(EventPublicationRepository delegate, Duration interval) {
		this.delegate = delegate;
		this.interval = interval;
	}

	// ---- the two changed writes ---------------------------------------------------------------

	@Override
	public void markProcessing(UUID identifier) {
		// not recorded: see the class comment
	}

	@Override
	public void markCompleted(TargetEventPublication publication, Instant completionDate) {
		publication.markCompleted(completionDate);
		markCompleted(publication.getIdentifier(), completionDate);
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		if (deleter == null) {
			delegate.markCompleted(identifier, completionDate); // not running (yet, or any more): at once
			return;
		}
		completed.add(identifier);
		if (deleter == null) {
			deleteCompleted(); // stopped in between: what stop() deleted may not have held this one
		}
	}

	/**
	 * Deletes the publications completed since the last call: one statement per 100 of them. When
	 * the statement fails they are queued again for the next call.
	 */
	void deleteCompleted() {
		List<UUID> ids = new ArrayList<>();
		for (UUID id; (id = completed.poll()) != null;) {
			ids.add(id);
		}
		if (ids.isEmpty()) {
			return;
		}
		try {
			delegate.deletePublications(ids);
		} catch (RuntimeException e) {
			completed.addAll(ids);
			throw e;
		}
	}

	private void deleteCompletedLogged() {
		try {
			deleteCompleted();
		} catch (Throwable e) {
			// still queued for the next round; a node that dies meanwhile leaves them incomplete, and
			// they are resubmitted at the next start (every listener recognises what it already did)
			LOG.warn("Could not delete completed event publications: {}", e.toString());
		}
	}

	// ---- lifecycle: started with the context, and all deleted when it stops ----------------------

	@Override
	public synchronized void start() {
		if (deleter != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "event-completions");
			t.setDaemon(true);
			return t;
		});
		long ms = interval.toMillis();
		executor.scheduleWithFixedDelay(this::deleteCompletedLogged, ms, ms, TimeUnit.MILLISECONDS);
		deleter = executor;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = deleter;
		if (executor == null) {
			return;
		}
		deleter = null;
		executor.shutdown();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		deleteCompletedLogged();
	}

	@Override
	public boolean isRunning() {
		return deleter != null;
	}

	/**
	 * Stops after the listeners' executor (a later phase stops earlier; executors stop in
	 * {@code ExecutorConfigurationSupport.DEFAULT_PHASE}), and before the registry is destroyed.
	 */
	@Override
	public int getPhase() {
		return ExecutorConfigurationSupport.DEFAULT_PHASE - 1;
	}

	// ---- everything else as the registry's own repository does it --------------------------------

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		return delegate.create(publication);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		deleteCompleted();
		delegate.markCompleted(event, identifier, completionDate);
	}

	@Override
	public void markFailed(UUID identifier) {
		delegate.markFailed(identifier);
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		deleteCompleted();
		return delegate.markResubmitted(identifier, resubmissionDate);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		deleteCompleted();
		return delegate.findIncompletePublications();
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		deleteCompleted();
		return delegate.findIncompletePublicationsPublishedBefore(instant);
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		deleteCompleted();
		return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		deleteCompleted();
		return delegate.findCompletedPublications();
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		delegate.deletePublications(identifiers);
	}

	@Override
	public void deleteCompletedPublications() {
		deleteCompleted();
		delegate.deleteCompletedPublications();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		deleteCompleted();
		delegate.deleteCompletedPublicationsBefore(instant);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		deleteCompleted();
		return delegate.findFailedPublications(criteria);
	}

	@Override
	public List<TargetEventPublication> findByStatus(Status status) {
		deleteCompleted();
		return delegate.findByStatus(status);
	}

	@Override
	public int countByStatus(Status status) {
		deleteCompleted();
		return delegate.countByStatus(status);
	}
}
