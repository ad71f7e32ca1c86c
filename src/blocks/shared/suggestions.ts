/**
 * Live article suggestions under a text field (KB search box, contact form subject, My Account
 * new-ticket subject): debounced GET /kb/search, rendered as a list of links.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { debounce, rest } from './rest';

export interface Suggestion {
	id: number;
	title: string;
	excerpt: string;
	url: string;
	internal?: boolean;
}

export interface SuggestionsOptions {
	input: HTMLInputElement;
	container: HTMLElement;
	/** 'search' logs zero-result searches; 'suggest' (forms) does not. */
	source: 'search' | 'suggest';
	limit?: number;
	wait?: number;
	heading?: string;
	/** Called when a suggested article is opened. */
	onOpen?: ( suggestion: Suggestion, query: string ) => void;
	/** Open articles in a new tab (forms keep their content). */
	newTab?: boolean;
}

/**
 * Renders the list.
 *
 * @param options     Options.
 * @param suggestions Articles.
 * @param query       The query they answer.
 */
export function renderSuggestions(
	options: SuggestionsOptions,
	suggestions: Suggestion[],
	query: string
): void {
	const { container } = options;
	container.replaceChildren();
	if ( suggestions.length === 0 ) {
		container.hidden = true;
		return;
	}
	const heading = document.createElement( 'p' );
	heading.className = 'switchboard-suggestions__heading';
	heading.textContent =
		options.heading ??
		sprintf(
			/* translators: %d: number of articles */
			__( '%d articles may answer your question:', 'switchboard' ),
			suggestions.length
		);
	const list = document.createElement( 'ul' );
	list.className = 'switchboard-suggestions__list';
	for ( const suggestion of suggestions ) {
		const item = document.createElement( 'li' );
		item.className = 'switchboard-suggestions__item';
		const link = document.createElement( 'a' );
		link.href = suggestion.url;
		link.textContent = suggestion.title;
		link.dataset.articleId = String( suggestion.id );
		if ( options.newTab ) {
			link.target = '_blank';
			link.rel = 'noopener';
		}
		link.addEventListener(
			'click',
			() => options.onOpen?.( suggestion, query )
		);
		link.addEventListener(
			'auxclick',
			() => options.onOpen?.( suggestion, query )
		);
		item.append( link );
		if ( suggestion.excerpt ) {
			const excerpt = document.createElement( 'span' );
			excerpt.className = 'switchboard-suggestions__excerpt';
			excerpt.textContent = suggestion.excerpt;
			item.append( excerpt );
		}
		list.append( item );
	}
	container.append( heading, list );
	container.hidden = false;
}

/**
 * Wires suggestions to an input. Returns a function that runs the search immediately.
 *
 * @param options Options.
 */
export function attachSuggestions(
	options: SuggestionsOptions
): () => Promise< void > {
	let latest = 0;
	const run = async () => {
		const query = options.input.value.trim();
		const ticket = ++latest;
		if ( query.length < 2 ) {
			renderSuggestions( options, [], query );
			return;
		}
		try {
			const results = await rest< Suggestion[] >(
				'kb/search',
				{ method: 'GET' },
				{
					q: query,
					limit: options.limit ?? 5,
					source: options.source,
				}
			);
			if ( ticket === latest ) {
				renderSuggestions( options, results, query );
			}
		} catch {
			// Suggestions are a nicety: a rate limit or a network error just shows none.
			if ( ticket === latest ) {
				renderSuggestions( options, [], query );
			}
		}
	};
	options.input.addEventListener(
		'input',
		debounce( () => void run(), options.wait ?? 300 )
	);
	return run;
}
