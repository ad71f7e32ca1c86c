/**
 * Help articles from the composer: search the knowledge base (internal articles included) and
 * insert an article's title and link into the reply.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Dropdown,
	MenuGroup,
	MenuItem,
	SearchControl,
	Spinner,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { searchArticles, type KbArticle } from '../../../shared/api/kb';
import { toApiError } from '../../../shared/api/errors';
import './style.scss';

/**
 * What the composer inserts for an article.
 *
 * @param article Article.
 */
export function articleLink( article: KbArticle ): string {
	return `${ article.title }: ${ article.url }`;
}

function PickerContent( {
	onPick,
	onClose,
	wait,
}: {
	onPick: ( article: KbArticle ) => void;
	onClose: () => void;
	wait: number;
} ) {
	const [ search, setSearch ] = useState( '' );
	const [ results, setResults ] = useState< KbArticle[] | null >( null );
	const [ error, setError ] = useState( '' );
	const [ busy, setBusy ] = useState( false );

	useEffect( () => {
		const query = search.trim();
		if ( query.length < 2 ) {
			setResults( null );
			setError( '' );
			return undefined;
		}
		let current = true;
		const timer = window.setTimeout( () => {
			setBusy( true );
			searchArticles( query )
				.then( ( found ) => {
					if ( current ) {
						setResults( found );
						setError( '' );
					}
				} )
				.catch( ( e ) => {
					if ( current ) {
						setError( toApiError( e ).message );
					}
				} )
				.finally( () => {
					if ( current ) {
						setBusy( false );
					}
				} );
		}, wait );
		return () => {
			current = false;
			window.clearTimeout( timer );
		};
	}, [ search, wait ] );

	return (
		<div className="switchboard-kb-picker">
			<SearchControl
				__nextHasNoMarginBottom
				label={ __( 'Search help articles', 'switchboard' ) }
				value={ search }
				onChange={ setSearch }
				// eslint-disable-next-line jsx-a11y/no-autofocus
				autoFocus
			/>
			{ busy && <Spinner /> }
			{ error && (
				<p className="switchboard-kb-picker__error">{ error }</p>
			) }
			{ results && results.length === 0 && ! busy && (
				<p className="switchboard-kb-picker__empty">
					{ __( 'No article matches.', 'switchboard' ) }
				</p>
			) }
			<MenuGroup>
				{ ( results ?? [] ).map( ( article ) => (
					<MenuItem
						key={ article.id }
						onClick={ () => {
							onPick( article );
							onClose();
						} }
						info={ article.excerpt }
						suffix={
							article.internal
								? __( 'Internal', 'switchboard' )
								: undefined
						}
					>
						{ article.title }
					</MenuItem>
				) ) }
			</MenuGroup>
		</div>
	);
}

export default function KbArticlePicker( {
	onPick,
	disabled,
	wait = 250,
}: {
	onPick: ( article: KbArticle ) => void;
	disabled?: boolean;
	/** Debounce in milliseconds. */
	wait?: number;
} ) {
	return (
		<Dropdown
			className="switchboard-kb-picker__dropdown"
			popoverProps={ { placement: 'top-start' } }
			renderToggle={ ( { isOpen, onToggle } ) => (
				<Button
					variant="secondary"
					onClick={ onToggle }
					aria-expanded={ isOpen }
					disabled={ disabled }
				>
					{ __( 'Help articles', 'switchboard' ) }
				</Button>
			) }
			renderContent={ ( { onClose } ) => (
				<PickerContent
					onPick={ onPick }
					onClose={ onClose }
					wait={ wait }
				/>
			) }
		/>
	);
}
