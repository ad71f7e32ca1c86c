/**
 * Mentions of agents in notes (`@` + login): the agents matching what follows the `@`, arrow keys to move, Enter/Tab to
 * insert `@login `, Escape to close.
 */

/**
 * External dependencies
 */
import type { KeyboardEvent, RefObject } from 'react';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent } from '../../../shared/types';
import { mentionAt } from '../../utils/text';

/**
 * The agents a mention query matches (login prefix or name part), six at most.
 *
 * @param agents Agents.
 * @param query  What follows the `@`.
 */
function matching( agents: Agent[], query: string ): Agent[] {
	const q = query.toLowerCase();
	return agents
		.filter(
			( agent ) =>
				agent.login.toLowerCase().startsWith( q ) ||
				agent.name.toLowerCase().includes( q )
		)
		.slice( 0, 6 );
}

export function useMentions( {
	agents,
	enabled,
	text,
	setText,
	textareaRef,
}: {
	agents: Agent[];
	/** Notes only. */
	enabled: boolean;
	text: string;
	setText: ( text: string ) => void;
	textareaRef: RefObject< HTMLTextAreaElement >;
} ) {
	const [ mention, setMention ] = useState< {
		start: number;
		query: string;
	} | null >( null );
	const [ index, setIndex ] = useState( 0 );
	const suggestions =
		enabled && mention ? matching( agents, mention.query ) : [];

	const insert = ( agent: Agent ) => {
		if ( ! mention ) {
			return;
		}
		const caret = textareaRef.current?.selectionStart ?? text.length;
		setText(
			text.slice( 0, mention.start ) +
				`@${ agent.login } ` +
				text.slice( caret )
		);
		setMention( null );
		const position = mention.start + agent.login.length + 2;
		window.requestAnimationFrame( () => {
			textareaRef.current?.focus();
			textareaRef.current?.setSelectionRange( position, position );
		} );
	};

	/**
	 * After the text changed: is the caret in a mention?
	 *
	 * @param value New text.
	 * @param caret Caret position.
	 */
	const track = ( value: string, caret: number ) => {
		setMention( mentionAt( value, caret ) );
		setIndex( 0 );
	};

	/**
	 * Keys while suggestions are open.
	 *
	 * @param event Key event of the textarea.
	 */
	const onKeyDown = ( event: KeyboardEvent ) => {
		if ( ! suggestions.length ) {
			return;
		}
		if ( event.key === 'ArrowDown' ) {
			event.preventDefault();
			setIndex( ( i ) => ( i + 1 ) % suggestions.length );
		} else if ( event.key === 'ArrowUp' ) {
			event.preventDefault();
			setIndex(
				( i ) => ( i - 1 + suggestions.length ) % suggestions.length
			);
		} else if ( event.key === 'Enter' || event.key === 'Tab' ) {
			event.preventDefault();
			insert( suggestions[ index ] );
		} else if ( event.key === 'Escape' ) {
			event.preventDefault();
			setMention( null );
		}
	};

	return { suggestions, index, insert, track, onKeyDown };
}

export function MentionList( {
	suggestions,
	index,
	onPick,
}: {
	suggestions: Agent[];
	index: number;
	onPick: ( agent: Agent ) => void;
} ) {
	if ( suggestions.length === 0 ) {
		return null;
	}
	return (
		<ul
			id="switchboard-mentions"
			role="listbox"
			className="switchboard-composer__mentions"
			aria-label={ __( 'Mention an agent', 'switchboard' ) }
		>
			{ suggestions.map( ( agent, i ) => (
				<li
					key={ agent.id }
					id={ `switchboard-mention-${ agent.id }` }
					role="option"
					aria-selected={ i === index }
					className={ i === index ? 'is-selected' : '' }
					onMouseDown={ ( event ) => {
						event.preventDefault();
						onPick( agent );
					} }
				>
					<strong>{ agent.name }</strong> @{ agent.login }
				</li>
			) ) }
		</ul>
	);
}
