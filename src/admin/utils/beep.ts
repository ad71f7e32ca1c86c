/**
 * A short two-tone alert made with Web Audio (no sound file to ship). Browsers only let audio
 * start after the user interacted with the page: `unlockAudio()` runs on the first click.
 */

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | undefined {
	return (
		window.AudioContext ||
		( window as unknown as { webkitAudioContext?: AudioContextClass } )
			.webkitAudioContext
	);
}

function getContext(): AudioContext | null {
	const Context = audioContextClass();
	if ( ! Context ) {
		return null;
	}
	context ??= new Context();
	if ( context.state === 'suspended' ) {
		context.resume().catch( () => undefined );
	}
	return context;
}

/** Creates (or resumes) the audio context inside a user gesture. */
export function unlockAudio(): void {
	getContext();
}

/** Plays the alert: 880 Hz then 1320 Hz, 120 ms each, quiet. */
export function beep(): void {
	const audio = getContext();
	if ( ! audio ) {
		return;
	}
	const start = audio.currentTime;
	[ 880, 1320 ].forEach( ( frequency, index ) => {
		const at = start + index * 0.14;
		const oscillator = audio.createOscillator();
		const gain = audio.createGain();
		oscillator.type = 'sine';
		oscillator.frequency.value = frequency;
		gain.gain.setValueAtTime( 0.0001, at );
		gain.gain.exponentialRampToValueAtTime( 0.2, at + 0.01 );
		gain.gain.exponentialRampToValueAtTime( 0.0001, at + 0.12 );
		oscillator.connect( gain );
		gain.connect( audio.destination );
		oscillator.start( at );
		oscillator.stop( at + 0.13 );
	} );
}
