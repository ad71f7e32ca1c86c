/**
 * Settings → General: rebuild the full-text search indexes (tickets, messages, help articles),
 * for when search misses what exists — e.g. after the database server stopped uncleanly.
 * Managers only; the same tool is in WooCommerce → Status → Tools.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import {
	fetchSearchIndex,
	rebuildSearchIndex,
	type SearchIndexState,
} from '../../../shared/api/search-index';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';

/**
 * Help articles the index is missing (0 when it is complete).
 *
 * @param state Index state.
 */
export function missingArticles( state: SearchIndexState ): number {
	return Math.max( 0, state.articles.published - state.articles.indexed );
}

function SearchIndexForm() {
	const [ state, setState ] = useState< SearchIndexState | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ busy, setBusy ] = useState( false );
	const { createNotice } = useDispatch( coreStore );

	const load = () => {
		setError( null );
		fetchSearchIndex()
			.then( setState )
			.catch( ( e ) => setError( toApiError( e ) ) );
	};
	useEffect( load, [] );

	if ( error && ! state ) {
		return (
			<ErrorNotice
				error={ error }
				onRetry={ load }
				title={ __(
					'Could not load the search index state.',
					'switchboard'
				) }
			/>
		);
	}
	if ( ! state ) {
		return <Loading />;
	}

	const missing = missingArticles( state );
	return (
		<div className="switchboard-settings__search-index">
			<h3>{ __( 'Search index', 'switchboard' ) }</h3>
			<p>
				{ sprintf(
					/* translators: 1: indexed articles, 2: published articles */
					__(
						'%1$d of %2$d published help articles are in the search index.',
						'switchboard'
					),
					state.articles.indexed,
					state.articles.published
				) }
			</p>
			{ missing > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Some articles are missing from search. Rebuild the search index.',
						'switchboard'
					) }
				</Notice>
			) }
			<p className="description">
				{ __(
					'Rebuilds the full-text indexes of tickets, messages and help articles. Use it when search misses tickets or articles that exist, for example after the database server was not shut down cleanly. Writes to those tables wait while it runs.',
					'switchboard'
				) }
			</p>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			<Button
				variant="secondary"
				isBusy={ busy }
				disabled={ busy }
				onClick={ async () => {
					setBusy( true );
					setError( null );
					try {
						const next = await rebuildSearchIndex();
						setState( next );
						createNotice(
							'success',
							next.rebuilt?.message ??
								__( 'Search index rebuilt.', 'switchboard' )
						);
					} catch ( e ) {
						setError( toApiError( e ) );
					} finally {
						setBusy( false );
					}
				} }
			>
				{ busy
					? __( 'Rebuilding…', 'switchboard' )
					: __( 'Rebuild search index', 'switchboard' ) }
			</Button>
		</div>
	);
}

/**
 * Shown to helpdesk managers only (the route answers 403 to everyone else).
 */
export default function SearchIndexTool() {
	const isManager = useSelect(
		( select ) => !! select( coreStore ).getOverview()?.capabilities.manage,
		[]
	);
	return isManager ? <SearchIndexForm /> : null;
}
