/**
 * General settings: the page that shows customers their tickets (`[switchboard_account]`), where
 * the signed links in emails (guest confirmation, "rate us") lead.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	ExternalLink,
	Notice,
	SelectControl,
} from '@wordpress/components';
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
	fetchSupportPage,
	saveSupportPage,
	type SupportPageSetting as Setting,
} from '../../../shared/api/support-page';
import { toApiError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/types';

function SupportPageForm() {
	const [ setting, setSetting ] = useState< Setting | null >( null );
	const [ choice, setChoice ] = useState( '0' );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ busy, setBusy ] = useState( false );
	const { createNotice } = useDispatch( coreStore );

	const load = () => {
		setError( null );
		fetchSupportPage()
			.then( ( data ) => {
				setSetting( data );
				setChoice( String( data.page_id ) );
			} )
			.catch( ( e ) => setError( toApiError( e ) ) );
	};
	useEffect( load, [] );

	if ( error && ! setting ) {
		return (
			<ErrorNotice
				error={ error }
				onRetry={ load }
				title={ __(
					'Could not load the support page setting.',
					'switchboard'
				) }
			/>
		);
	}
	if ( ! setting ) {
		return <Loading />;
	}

	const chosen = setting.pages.find( ( p ) => String( p.id ) === choice );
	return (
		<form
			className="switchboard-settings__support-page"
			onSubmit={ async ( event ) => {
				event.preventDefault();
				setBusy( true );
				setError( null );
				try {
					const saved = await saveSupportPage( Number( choice ) );
					setSetting( saved );
					setChoice( String( saved.page_id ) );
					createNotice(
						'success',
						__( 'Support page saved.', 'switchboard' )
					);
				} catch ( e ) {
					setError( toApiError( e ) );
				} finally {
					setBusy( false );
				}
			} }
		>
			<h3>{ __( 'Customer support page', 'switchboard' ) }</h3>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Support page', 'switchboard' ) }
				value={ choice }
				options={ [
					{
						value: '0',
						label: __(
							'None (links open the page the customer wrote from)',
							'switchboard'
						),
					},
					...setting.pages.map( ( page ) => ( {
						value: String( page.id ),
						label: page.has_screens
							? sprintf(
									/* translators: %s: page title */
									__(
										'%s (shows the support screens)',
										'switchboard'
									),
									page.title
							  )
							: page.title,
					} ) ),
				] }
				onChange={ setChoice }
				help={ __(
					'The page with the [switchboard_account] shortcode. Links in emails to customers (to follow a request or rate it) open this page.',
					'switchboard'
				) }
			/>
			{ chosen && ! chosen.has_screens && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'This page has neither the [switchboard_account] shortcode nor the contact form, so links to it will not show the request.',
						'switchboard'
					) }
				</Notice>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			{ setting.url && (
				<p>
					<ExternalLink href={ setting.url }>
						{ __( 'View the support page', 'switchboard' ) }
					</ExternalLink>
				</p>
			) }
			<Button
				variant="primary"
				type="submit"
				isBusy={ busy }
				disabled={ busy || choice === String( setting.page_id ) }
			>
				{ __( 'Save', 'switchboard' ) }
			</Button>
		</form>
	);
}

/**
 * Shown to helpdesk managers only (the route answers 403 to everyone else).
 */
export default function SupportPageSetting() {
	const isManager = useSelect(
		( select ) => !! select( coreStore ).getOverview()?.capabilities.manage,
		[]
	);
	return isManager ? <SupportPageForm /> : null;
}
