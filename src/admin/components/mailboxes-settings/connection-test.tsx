/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { asApiError } from '../../../shared/api/errors';

/**
 * What the mailbox form is doing: saving or one of its connection tests (one at a time).
 */
export type Busy = 'save' | 'test' | 'smtp' | null;

/**
 * A "test the connection" button with its success message; a failure goes to the form's error.
 *
 * @param props          Props.
 * @param props.name     Which test (the form's busy state).
 * @param props.label    Button label.
 * @param props.success  Message shown when the test passes.
 * @param props.run      Runs the test (rejects with the server's error).
 * @param props.disabled Disabled besides while the form is busy.
 * @param props.busy     The form's busy state.
 * @param props.setBusy  Sets it.
 * @param props.setError Shows an error on the form (null clears it).
 */
export default function ConnectionTest( {
	name,
	label,
	success,
	run,
	disabled = false,
	busy,
	setBusy,
	setError,
}: {
	name: Exclude< Busy, 'save' | null >;
	label: string;
	success: string;
	run: () => Promise< unknown >;
	disabled?: boolean;
	busy: Busy;
	setBusy: ( busy: Busy ) => void;
	setError: ( error: string | null ) => void;
} ) {
	const [ passed, setPassed ] = useState( false );
	return (
		<div className="switchboard-mailboxes__test">
			<Button
				variant="secondary"
				__next40pxDefaultSize
				isBusy={ busy === name }
				disabled={ busy !== null || disabled }
				onClick={ async () => {
					setBusy( name );
					setPassed( false );
					setError( null );
					try {
						await run();
						setPassed( true );
					} catch ( e ) {
						setError( ( await asApiError( e ) ).message );
					} finally {
						setBusy( null );
					}
				} }
			>
				{ label }
			</Button>
			{ passed && (
				<span className="switchboard-mailboxes__ok" role="status">
					{ success }
				</span>
			) }
		</div>
	);
}
