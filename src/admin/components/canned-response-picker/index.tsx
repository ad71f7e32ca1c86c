/**
 * A searchable list of canned responses in a dropdown; choosing one hands it to `onPick`.
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
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { cannedResponsesStore } from '../../store';
import type { CannedResponse } from '../../../shared/types';
import './style.scss';

export function filterCannedResponses(
	items: CannedResponse[],
	search: string
): CannedResponse[] {
	const needle = search.trim().toLowerCase();
	if ( ! needle ) {
		return items;
	}
	return items.filter(
		( item ) =>
			item.title.toLowerCase().includes( needle ) ||
			item.shortcut.toLowerCase().includes( needle ) ||
			item.body.toLowerCase().includes( needle )
	);
}

function PickerContent( {
	onPick,
	onClose,
}: {
	onPick: ( item: CannedResponse ) => void;
	onClose: () => void;
} ) {
	const [ search, setSearch ] = useState( '' );
	const { items, error } = useSelect(
		( select ) => ( {
			items: select( cannedResponsesStore ).getCannedResponses(),
			error: select( cannedResponsesStore ).getCannedResponsesError(),
		} ),
		[]
	);
	const matches = filterCannedResponses( items ?? [], search );
	return (
		<div className="switchboard-canned-picker">
			<SearchControl
				__nextHasNoMarginBottom
				label={ __( 'Search canned responses', 'switchboard' ) }
				value={ search }
				onChange={ setSearch }
				// eslint-disable-next-line jsx-a11y/no-autofocus
				autoFocus
			/>
			{ error && (
				<p className="switchboard-canned-picker__error">
					{ error.message }
				</p>
			) }
			{ ! items && ! error && <Spinner /> }
			{ items && matches.length === 0 && (
				<p className="switchboard-canned-picker__empty">
					{ items.length === 0
						? __(
								'No canned responses yet. Add them in Settings.',
								'switchboard'
						  )
						: __( 'No canned response matches.', 'switchboard' ) }
				</p>
			) }
			<MenuGroup>
				{ matches.map( ( item ) => (
					<MenuItem
						key={ item.id }
						onClick={ () => {
							onPick( item );
							onClose();
						} }
						info={
							item.shortcut ? `/${ item.shortcut }` : undefined
						}
					>
						{ item.title }
					</MenuItem>
				) ) }
			</MenuGroup>
		</div>
	);
}

export default function CannedResponsePicker( {
	onPick,
	disabled,
}: {
	onPick: ( item: CannedResponse ) => void;
	disabled?: boolean;
} ) {
	return (
		<Dropdown
			className="switchboard-canned-picker__dropdown"
			popoverProps={ { placement: 'top-start' } }
			renderToggle={ ( { isOpen, onToggle } ) => (
				<Button
					variant="secondary"
					onClick={ onToggle }
					aria-expanded={ isOpen }
					disabled={ disabled }
				>
					{ __( 'Canned responses', 'switchboard' ) }
				</Button>
			) }
			renderContent={ ( { onClose } ) => (
				<PickerContent onPick={ onPick } onClose={ onClose } />
			) }
		/>
	);
}
