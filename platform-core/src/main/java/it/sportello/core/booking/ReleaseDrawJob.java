package it.sportello.core.booking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for releases whose draw window has closed every few seconds, with one query across all Questure ({@code DueWork});
 * any node may, one draws each release.
 */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ReleaseDrawJob {

	private final ReleaseDraw draw;

	ReleaseDrawJob(ReleaseDraw draw) {
		this.draw = draw;
	}

	@Scheduled(fixedDelayString = "${sportello.draw.every:5s}")
	void drawDue() {
		draw.drawDue();
	}
}
