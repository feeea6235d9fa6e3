package it.sportello.core.booking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Passes expired offers on and lets unclaimed places reappear, every half minute where one is due ({@code DueWork});
 * safe on several nodes.
 */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class WaitingListJob {

	private final WaitingList waitingList;

	WaitingListJob(WaitingList waitingList) {
		this.waitingList = waitingList;
	}

	@Scheduled(fixedDelayString = "${sportello.waiting-list.every:30s}")
	void passOnAndRelease() {
		waitingList.passOnAndRelease();
	}
}
