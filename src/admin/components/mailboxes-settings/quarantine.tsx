/**
 * The quarantine of inbound mail that could not be imported: retry, or download the raw source.
 * Its list is the `switchboard/quarantine` entity store.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import { useEntityRecords } from '../../store/entities';
import { quarantineStore } from '../../store/mailboxes';
import {
	fetchInboundRaw,
	retryInbound,
	type InboundEmail,
	type RetryResult,
} from '../../../shared/api/mailboxes';
import { asApiError } from '../../../shared/api/errors';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import { formatUtc } from './utils';

/**
 * Saves an inbound email's raw source as `inbound-<id>.eml`.
 *
 * @param id Inbound id.
 */
async function downloadInbound( id: number ): Promise< void > {
	const url = URL.createObjectURL( await fetchInboundRaw( id ) );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = `inbound-${ id }.eml`;
	document.body.appendChild( link );
	link.click();
	link.remove();
	setTimeout( () => URL.revokeObjectURL( url ), 10000 );
}

/**
 * The notice after a retry: imported, or still quarantined with the new error.
 *
 * @param result The retry's answer.
 */
function retryNotice( result: RetryResult ): [ 'warning' | 'success', string ] {
	return result.status === 'quarantined'
		? [
				'warning',
				sprintf(
					/* translators: %s: error */
					__( 'Still quarantined: %s', 'switchboard' ),
					result.error ?? ''
				),
		  ]
		: [ 'success', __( 'Imported.', 'switchboard' ) ];
}

function QuarantineRow( {
	item,
	busy,
	setBusy,
	onRetried,
}: {
	item: InboundEmail;
	busy: number | null;
	setBusy: ( id: number | null ) => void;
	onRetried: () => void;
} ) {
	const { createNotice } = useDispatch( coreStore );
	const fail = async ( e: unknown ) =>
		createNotice( 'error', ( await asApiError( e ) ).message );
	return (
		<tr data-inbound={ item.id }>
			<td>{ formatUtc( item.created_at ) }</td>
			<td>{ item.from || '—' }</td>
			<td>{ item.subject || '—' }</td>
			<td>
				<span className="switchboard-mailboxes__error">
					{ item.error }
				</span>
				<div>
					{ sprintf(
						/* translators: %d: number of attempts */
						_n(
							'%d attempt',
							'%d attempts',
							item.attempts,
							'switchboard'
						),
						item.attempts
					) }
				</div>
			</td>
			<td className="switchboard-mailboxes__row-actions">
				<Button
					variant="secondary"
					size="compact"
					isBusy={ busy === item.id }
					disabled={ busy !== null }
					onClick={ async () => {
						setBusy( item.id );
						try {
							createNotice(
								...retryNotice( await retryInbound( item.id ) )
							);
						} catch ( e ) {
							await fail( e );
						} finally {
							setBusy( null );
							onRetried();
						}
					} }
				>
					{ __( 'Retry', 'switchboard' ) }
				</Button>
				<Button
					variant="tertiary"
					size="compact"
					onClick={ () => downloadInbound( item.id ).catch( fail ) }
				>
					{ __( 'Download', 'switchboard' ) }
				</Button>
			</td>
		</tr>
	);
}

export default function Quarantine() {
	const {
		records: items,
		error,
		refresh,
	} = useEntityRecords< InboundEmail, never, never >( quarantineStore );
	const [ busy, setBusy ] = useState< number | null >( null );

	return (
		<section
			className="switchboard-mailboxes__quarantine"
			aria-labelledby="switchboard-quarantine-title"
		>
			<h3 id="switchboard-quarantine-title">
				{ __( 'Quarantine', 'switchboard' ) }
			</h3>
			<p>
				{ __(
					'Emails that could not be imported. Nothing is lost: retry after fixing the cause, or download the original.',
					'switchboard'
				) }
			</p>
			{ error && <ErrorNotice error={ error } onRetry={ refresh } /> }
			{ ! items && ! error && <Loading /> }
			{ items && items.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No quarantined emails.', 'switchboard' ) }
				</div>
			) }
			{ items && items.length > 0 && (
				<table className="wp-list-table widefat fixed striped">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Received', 'switchboard' ) }
							</th>
							<th scope="col">{ __( 'From', 'switchboard' ) }</th>
							<th scope="col">
								{ __( 'Subject', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Problem', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Actions', 'switchboard' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ items.map( ( item ) => (
							<QuarantineRow
								key={ item.id }
								item={ item }
								busy={ busy }
								setBusy={ setBusy }
								onRetried={ refresh }
							/>
						) ) }
					</tbody>
				</table>
			) }
		</section>
	);
}
