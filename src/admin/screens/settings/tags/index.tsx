/**
 * Settings → Tags: add a tag (name and color) and the list of tags.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore } from '../../../store';
import ErrorNotice from '../../../components/error-notice';
import Loading from '../../../components/loading';
import { TagChip } from '../../../components/ticket-badges';
import { toApiError } from '../../../../shared/api/errors';

export default function TagsTab() {
	const { tags, error } = useSelect(
		( select ) => ( {
			tags: select( coreStore ).getTags(),
			error: select( coreStore ).getTagsError(),
		} ),
		[]
	);
	const { createTag, refreshTags, createNotice } = useDispatch( coreStore );
	const [ name, setName ] = useState( '' );
	const [ color, setColor ] = useState( '#2271b1' );
	const [ busy, setBusy ] = useState( false );

	return (
		<div className="switchboard-settings__tags">
			<form
				className="switchboard-settings__inline-form"
				onSubmit={ async ( event ) => {
					event.preventDefault();
					setBusy( true );
					try {
						await createTag( name.trim(), color );
						setName( '' );
						createNotice(
							'success',
							__( 'Tag added.', 'switchboard' )
						);
					} catch ( e ) {
						createNotice( 'error', toApiError( e ).message );
					} finally {
						setBusy( false );
					}
				} }
			>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'New tag', 'switchboard' ) }
					value={ name }
					onChange={ setName }
				/>
				<div className="components-base-control">
					<label
						className="components-base-control__label"
						htmlFor="switchboard-tag-color"
					>
						{ __( 'Color', 'switchboard' ) }
					</label>
					<input
						id="switchboard-tag-color"
						type="color"
						value={ color }
						onChange={ ( event ) => setColor( event.target.value ) }
					/>
				</div>
				<Button
					variant="primary"
					type="submit"
					__next40pxDefaultSize
					disabled={ busy || ! name.trim() }
					isBusy={ busy }
				>
					{ __( 'Add tag', 'switchboard' ) }
				</Button>
			</form>
			{ error && ! tags && (
				<ErrorNotice error={ error } onRetry={ () => refreshTags() } />
			) }
			{ ! tags && ! error && <Loading /> }
			{ tags && tags.length === 0 && (
				<div className="switchboard-empty">
					{ __( 'No tags yet.', 'switchboard' ) }
				</div>
			) }
			{ tags && tags.length > 0 && (
				<ul className="switchboard-settings__tag-list">
					{ tags.map( ( tag ) => (
						<li key={ tag.id }>
							<TagChip name={ tag.name } color={ tag.color } />{ ' ' }
							<code>{ tag.slug }</code>
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}
