/**
 * A message's body in the agent timeline: cleaned HTML, remote images held back until the agent
 * asks for them, and plain text rendered as text (never as HTML).
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Message } from '../../../shared/types';
import { safeMessageHtml } from './safe-html';

export default function MessageBody( {
	message,
}: {
	message: Pick< Message, 'body_html' | 'body_text' >;
} ) {
	const [ showImages, setShowImages ] = useState( false );
	const safe = useMemo(
		() => safeMessageHtml( message.body_html ?? '', showImages ),
		[ message.body_html, showImages ]
	);

	if ( ! safe.html.trim() ) {
		return (
			<div className="switchboard-timeline__body is-text">
				{ message.body_text }
			</div>
		);
	}

	return (
		<>
			{ safe.blocked > 0 && (
				<p className="switchboard-timeline__images-blocked">
					{ sprintf(
						/* translators: %d: number of remote images */
						_n(
							'%d remote image was blocked to protect your privacy.',
							'%d remote images were blocked to protect your privacy.',
							safe.blocked,
							'switchboard'
						),
						safe.blocked
					) }{ ' ' }
					<Button
						variant="link"
						onClick={ () => setShowImages( true ) }
					>
						{ __( 'Show images', 'switchboard' ) }
					</Button>
				</p>
			) }
			<div
				className="switchboard-timeline__body"
				// Sanitized twice: wp_kses allow-list on the server (after the cid rewrite), then
				// safeMessageHtml() on an inert document here.
				// eslint-disable-next-line react/no-danger
				dangerouslySetInnerHTML={ { __html: safe.html } }
			/>
		</>
	);
}
