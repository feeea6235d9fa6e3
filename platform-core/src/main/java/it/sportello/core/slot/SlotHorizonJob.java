package it.sportello.core.slot;

import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Extends the slot horizon every night, and once after start so that a node down for days catches up: on the
 * scheduler's thread, since the node is ready to serve without it (the slots of the next days exist already) and with
 * 100 Questure it took seconds of the start.
 */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SlotHorizonJob {

	private final SlotHorizon horizon;

	private final TaskScheduler scheduler;

	SlotHorizonJob(SlotHorizon horizon, TaskScheduler scheduler) {
		this.horizon = horizon;
		this.scheduler = scheduler;
	}

	@Scheduled(cron = "${sportello.slots.cron:0 10 1 * * *}", zone = "Europe/Rome")
	void nightly() {
		horizon.extendAllOnce();
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		scheduler.schedule(horizon::extendAllOnce, Instant.now());
	}
}
