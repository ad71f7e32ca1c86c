/**
 * Settings → Chat: the storefront widget (colour, greeting, position, pages), business hours and
 * the knowledge-base bot, over GET/PATCH /chat/settings (managers). The server validates; its
 * message is shown as is.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ErrorNotice from '../error-notice';
import Loading from '../loading';
import {
	fetchChatSettings,
	updateChatSettings,
	type ChatSettings,
} from '../../../shared/api/chat';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';
import { ColorField, HoursFieldset } from './fields';
import './style.scss';

/**
 * Page ids typed as "12, 34" → [12, 34]; anything else is left for the server to refuse.
 *
 * @param text Comma-separated ids.
 */
export function parsePageIds( text: string ): number[] {
	return text
		.split( /[\s,]+/ )
		.filter( Boolean )
		.map( ( part ) => Number( part ) )
		.filter( ( id ) => Number.isInteger( id ) && id > 0 );
}

export default function ChatSettingsTab() {
	const [ saved, setSaved ] = useState< ChatSettings | null >( null );
	const [ draft, setDraft ] = useState< ChatSettings | null >( null );
	const [ pageIds, setPageIds ] = useState( '' );
	const [ loadError, setLoadError ] = useState< ApiError | null >( null );
	const [ saveError, setSaveError ] = useState< ApiError | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ done, setDone ] = useState( false );

	const load = () => {
		setLoadError( null );
		fetchChatSettings()
			.then( ( settings ) => {
				setSaved( settings );
				setDraft( settings );
				setPageIds( settings.page_ids.join( ', ' ) );
			} )
			.catch( ( e ) => setLoadError( toApiError( e ) ) );
	};
	useEffect( load, [] );

	if ( loadError ) {
		return <ErrorNotice error={ loadError } onRetry={ load } />;
	}
	if ( ! draft || ! saved ) {
		return <Loading />;
	}

	const set = ( patch: Partial< ChatSettings > ) => {
		setDone( false );
		setDraft( { ...draft, ...patch } );
	};

	const save = async () => {
		const next = { ...draft, page_ids: parsePageIds( pageIds ) };
		const patch: Partial< ChatSettings > = {};
		( Object.keys( next ) as ( keyof ChatSettings )[] ).forEach(
			( key ) => {
				if (
					JSON.stringify( next[ key ] ) !==
					JSON.stringify( saved[ key ] )
				) {
					( patch as Record< string, unknown > )[ key ] = next[ key ];
				}
			}
		);
		setBusy( true );
		setSaveError( null );
		try {
			const settings = await updateChatSettings( patch );
			setSaved( settings );
			setDraft( settings );
			setPageIds( settings.page_ids.join( ', ' ) );
			setDone( true );
		} catch ( e ) {
			setSaveError( toApiError( e ) );
		} finally {
			setBusy( false );
		}
	};

	return (
		<form
			className="switchboard-chat-settings"
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Show the chat widget on the storefront',
					'switchboard'
				) }
				checked={ draft.enabled }
				onChange={ ( enabled: boolean ) => set( { enabled } ) }
			/>
			<ColorField
				value={ draft.color }
				onChange={ ( color ) => set( { color } ) }
			/>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Greeting', 'switchboard' ) }
				help={ __( 'The first line visitors see.', 'switchboard' ) }
				value={ draft.greeting }
				maxLength={ 500 }
				onChange={ ( greeting: string ) => set( { greeting } ) }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Position', 'switchboard' ) }
				value={ draft.position }
				options={ [
					{
						value: 'right',
						label: __( 'Bottom right', 'switchboard' ),
					},
					{
						value: 'left',
						label: __( 'Bottom left', 'switchboard' ),
					},
				] }
				onChange={ ( position: string ) =>
					set( { position: position as ChatSettings[ 'position' ] } )
				}
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Show the widget on', 'switchboard' ) }
				value={ draft.show_on }
				options={ [
					{ value: 'all', label: __( 'Every page', 'switchboard' ) },
					{
						value: 'selected',
						label: __( 'Only these pages', 'switchboard' ),
					},
					{
						value: 'except',
						label: __( 'Every page except these', 'switchboard' ),
					},
				] }
				onChange={ ( showOn: string ) =>
					set( { show_on: showOn as ChatSettings[ 'show_on' ] } )
				}
			/>
			{ draft.show_on !== 'all' && (
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Page, post or product IDs', 'switchboard' ) }
					help={ __(
						'Separated by commas, e.g. 12, 34.',
						'switchboard'
					) }
					value={ pageIds }
					onChange={ ( value: string ) => {
						setDone( false );
						setPageIds( value );
					} }
				/>
			) }
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Answer from the knowledge base first (bot)',
					'switchboard'
				) }
				checked={ draft.bot_enabled }
				onChange={ ( botEnabled: boolean ) =>
					set( { bot_enabled: botEnabled } )
				}
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Offer a person only within business hours',
					'switchboard'
				) }
				checked={ draft.hours_enabled }
				onChange={ ( hoursEnabled: boolean ) =>
					set( { hours_enabled: hoursEnabled } )
				}
			/>
			{ draft.hours_enabled && (
				<HoursFieldset
					hours={ draft.hours }
					onChange={ ( hours ) => set( { hours } ) }
				/>
			) }
			{ saveError && (
				<ErrorNotice
					title={ __(
						'The settings were not saved.',
						'switchboard'
					) }
					error={ saveError }
				/>
			) }
			{ done && (
				<Notice status="success" isDismissible={ false }>
					{ __( 'Chat settings saved.', 'switchboard' ) }
				</Notice>
			) }
			<Button
				variant="primary"
				type="submit"
				__next40pxDefaultSize
				isBusy={ busy }
				disabled={ busy }
			>
				{ __( 'Save chat settings', 'switchboard' ) }
			</Button>
		</form>
	);
}
