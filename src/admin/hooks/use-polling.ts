/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

export interface PollingOptions {
	/** First and post-change delay in ms. */
	minDelay?: number;
	/** Longest delay when nothing changes or requests fail. */
	maxDelay?: number;
	enabled?: boolean;
}

/**
 * Calls `poll` repeatedly with backoff: back to `minDelay` whenever it reports a change,
 * ×1.5 when nothing changed, ×2 on errors, never beyond `maxDelay`. Pauses while the tab is
 * hidden and polls at once when it comes back.
 *
 * @param poll             Returns (a promise of) true when something changed.
 * @param options          Delays.
 * @param options.minDelay
 * @param options.maxDelay
 * @param options.enabled
 */
export function usePolling(
	poll: () => Promise< boolean | void > | boolean | void,
	{
		minDelay = 10_000,
		maxDelay = 60_000,
		enabled = true,
	}: PollingOptions = {}
): void {
	const pollRef = useRef( poll );
	pollRef.current = poll;

	useEffect( () => {
		if ( ! enabled ) {
			return undefined;
		}
		let delay = minDelay;
		let timer: ReturnType< typeof setTimeout > | undefined;
		let stopped = false;

		const schedule = () => {
			if ( stopped || document.hidden ) {
				return;
			}
			timer = setTimeout( tick, delay );
		};

		async function tick() {
			try {
				const changed = await pollRef.current();
				delay = changed ? minDelay : Math.min( maxDelay, delay * 1.5 );
			} catch {
				delay = Math.min( maxDelay, delay * 2 );
			}
			schedule();
		}

		const onVisibility = () => {
			clearTimeout( timer );
			if ( ! document.hidden ) {
				delay = minDelay;
				tick();
			}
		};

		schedule();
		document.addEventListener( 'visibilitychange', onVisibility );
		return () => {
			stopped = true;
			clearTimeout( timer );
			document.removeEventListener( 'visibilitychange', onVisibility );
		};
	}, [ minDelay, maxDelay, enabled ] );
}

/**
 * The poll interval in ms: `?switchboard_poll=<ms>` (used by e2e tests) or the default.
 *
 * @param fallback Default.
 */
export function pollInterval( fallback: number ): number {
	const override = Number(
		new URLSearchParams( window.location.search ).get( 'switchboard_poll' )
	);
	return override > 0 ? override : fallback;
}
