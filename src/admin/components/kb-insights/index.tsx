/**
 * Settings → Knowledge base: the articles customers looked for and did not find (searches with no
 * result, most asked first) with a link to write one, and how many tickets the suggestions
 * deflected.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { coreStore } from '../../store';
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import {
	dismissMissingSearch,
	fetchDeflections,
	fetchMissingSearches,
	type DeflectionSummary,
	type MissingSearch,
} from '../../../shared/api/kb';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';

/**
 * The editor URL of a new article titled after the search.
 *
 * @param query The search.
 */
export function newArticleUrl( query: string ): string {
	return addQueryArgs( 'post-new.php', {
		post_type: 'switchboard_article',
		post_title: query,
	} );
}

export default function KbInsights() {
	const [ missing, setMissing ] = useState< MissingSearch[] | null >( null );
	const [ deflections, setDeflections ] =
		useState< DeflectionSummary | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const { createNotice } = useDispatch( coreStore );

	const load = () => {
		setError( null );
		Promise.all( [ fetchMissingSearches(), fetchDeflections( 30 ) ] )
			.then( ( [ rows, summary ] ) => {
				setMissing( rows );
				setDeflections( summary );
			} )
			.catch( ( e ) => setError( toApiError( e ) ) );
	};
	useEffect( load, [] );

	if ( error ) {
		return (
			<ErrorNotice
				error={ error }
				onRetry={ load }
				title={ __(
					'Could not load the knowledge base report.',
					'switchboard'
				) }
			/>
		);
	}
	if ( ! missing || ! deflections ) {
		return <Loading />;
	}

	return (
		<div className="switchboard-kb-insights">
			<h3>{ __( 'Deflection (last 30 days)', 'switchboard' ) }</h3>
			<p className="switchboard-kb-insights__deflections">
				{ sprintf(
					/* translators: 1: visits that opened a suggested article, 2: of those, visits that sent no ticket */
					__(
						'%1$d visits opened a suggested article; %2$d of them did not send a ticket.',
						'switchboard'
					),
					deflections.opened,
					deflections.deflected
				) }
			</p>
			<h3>{ __( 'Missing articles', 'switchboard' ) }</h3>
			<p>
				{ __(
					'What customers searched for in the help center and did not find, most asked first.',
					'switchboard'
				) }
			</p>
			{ missing.length === 0 ? (
				<Notice status="info" isDismissible={ false }>
					{ __( 'Every search found something.', 'switchboard' ) }
				</Notice>
			) : (
				<table className="widefat striped switchboard-kb-insights__missing">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Search', 'switchboard' ) }
							</th>
							<th scope="col">
								{ __( 'Asked', 'switchboard' ) }
							</th>
							<th scope="col">
								<span className="screen-reader-text">
									{ __( 'Actions', 'switchboard' ) }
								</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{ missing.map( ( row ) => (
							<tr key={ row.id }>
								<td>{ row.query }</td>
								<td>
									{ sprintf(
										/* translators: %d: number of searches */
										_n(
											'%d time',
											'%d times',
											row.hits,
											'switchboard'
										),
										row.hits
									) }
								</td>
								<td>
									<Button
										variant="link"
										href={ newArticleUrl( row.query ) }
									>
										{ __(
											'Write an article',
											'switchboard'
										) }
									</Button>{ ' ' }
									<Button
										variant="link"
										isDestructive
										aria-label={ sprintf(
											/* translators: %s: the search */
											__( 'Dismiss “%s”', 'switchboard' ),
											row.query
										) }
										onClick={ async () => {
											try {
												await dismissMissingSearch(
													row.id
												);
												setMissing(
													missing.filter(
														( m ) => m.id !== row.id
													)
												);
											} catch ( e ) {
												createNotice(
													'error',
													toApiError( e ).message
												);
											}
										} }
									>
										{ __( 'Dismiss', 'switchboard' ) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
		</div>
	);
}
