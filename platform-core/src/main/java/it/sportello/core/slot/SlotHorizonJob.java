package it.sportello.core.slot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Extends the slot horizon every night, and once at start so that a node down for days catches up. */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SlotHorizonJob {

	private final SlotHorizon horizon;

	SlotHorizonJob(SlotHorizon horizon) {
		this.horizon = horizon;
	}

	@Scheduled(cron = "${sportello.slots.cron:0 10 1 * * *}", zone = "Europe/Rome")
	void nightly() {
		horizon.extendAllOnce();
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		horizon.extendAllOnce();
	}
}
