/**
 * Fields of Settings → Chat that are more than one control: the colour (picker + hex) and the
 * business hours (one line a weekday).
 */

/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

const DAYS = (): string[] => [
	__( 'Sunday', 'switchboard' ),
	__( 'Monday', 'switchboard' ),
	__( 'Tuesday', 'switchboard' ),
	__( 'Wednesday', 'switchboard' ),
	__( 'Thursday', 'switchboard' ),
	__( 'Friday', 'switchboard' ),
	__( 'Saturday', 'switchboard' ),
];

export function ColorField( {
	value,
	onChange,
}: {
	value: string;
	onChange: ( color: string ) => void;
} ) {
	return (
		<div className="components-base-control">
			<label
				className="components-base-control__label"
				htmlFor="switchboard-chat-color"
			>
				{ __( 'Colour', 'switchboard' ) }
			</label>
			<div className="switchboard-chat-settings__color">
				<input
					id="switchboard-chat-color"
					type="color"
					value={
						/^#[0-9a-f]{6}$/i.test( value ) ? value : '#2271b1'
					}
					onChange={ ( event ) => onChange( event.target.value ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					hideLabelFromVision
					label={ __( 'Colour (hex)', 'switchboard' ) }
					value={ value }
					onChange={ onChange }
				/>
			</div>
		</div>
	);
}

export function HoursFieldset( {
	hours,
	onChange,
}: {
	hours: string[];
	onChange: ( hours: string[] ) => void;
} ) {
	return (
		<fieldset className="switchboard-chat-settings__hours">
			<legend>
				{ __(
					'Business hours (site timezone, HH:MM-HH:MM; empty = closed)',
					'switchboard'
				) }
			</legend>
			{ DAYS().map( ( day, index ) => (
				<TextControl
					key={ day }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ day }
					placeholder="09:00-17:00"
					value={ hours[ index ] ?? '' }
					onChange={ ( value: string ) => {
						const next = [ ...hours ];
						next[ index ] = value.trim();
						onChange( next );
					} }
				/>
			) ) }
		</fieldset>
	);
}
