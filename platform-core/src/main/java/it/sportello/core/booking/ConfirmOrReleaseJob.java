package it.sportello.core.booking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Asks for due confirmations and releases unconfirmed bookings every quarter of an hour, where any is due. */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ConfirmOrReleaseJob {

	private final ConfirmOrRelease confirmOrRelease;

	ConfirmOrReleaseJob(ConfirmOrRelease confirmOrRelease) {
		this.confirmOrRelease = confirmOrRelease;
	}

	@Scheduled(fixedDelayString = "${sportello.confirmations.every:15m}")
	void run() {
		confirmOrRelease.run();
	}
}
