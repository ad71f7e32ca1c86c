/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * A decorative avatar that disappears when the image cannot load (no Gravatar offline).
 *
 * @param props           Props.
 * @param props.src       Image URL.
 * @param props.size      Pixels.
 * @param props.className Extra class.
 */
export default function Avatar( {
	src,
	size = 24,
	className = '',
}: {
	src?: string;
	size?: number;
	className?: string;
} ) {
	const [ failed, setFailed ] = useState( false );
	if ( ! src || failed ) {
		return null;
	}
	return (
		<img
			className={ `switchboard-avatar ${ className }` }
			src={ src }
			alt=""
			width={ size }
			height={ size }
			onError={ () => setFailed( true ) }
		/>
	);
}
