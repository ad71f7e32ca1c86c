/**
 * WordPress dependencies
 */
import {
	Button,
	SearchControl,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { forwardRef, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { coreStore, teamsStore } from '../../store';
import type { RouteParams } from '../../router';
import {
	KNOWN_CHANNELS,
	PRIORITIES,
	STATUSES,
	channelLabel,
	priorityLabel,
	statusLabel,
	toOptions,
	type SelectOption,
} from '../../labels';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import './style.scss';

interface Props {
	params: RouteParams;
	channels: string[];
	onChange: ( params: RouteParams, replace?: boolean ) => void;
}

function sortOptions(): SelectOption[] {
	return [
		{
			value: 'last_message_at:desc',
			label: __( 'Latest activity', 'switchboard' ),
		},
		{
			value: 'last_message_at:asc',
			label: __( 'Oldest activity', 'switchboard' ),
		},
		{ value: 'created_at:desc', label: __( 'Newest', 'switchboard' ) },
		{ value: 'created_at:asc', label: __( 'Oldest', 'switchboard' ) },
		{ value: 'priority:desc', label: __( 'Priority', 'switchboard' ) },
		{
			value: 'updated_at:desc',
			label: __( 'Recently updated', 'switchboard' ),
		},
	];
}

const InboxFilters = forwardRef< HTMLInputElement, Props >(
	function InboxFilters( { params, channels, onChange }, searchRef ) {
		// The lists themselves (null while loading), so the selector returns stable values.
		const lists = useSelect(
			( select ) => ( {
				agents: select( coreStore ).getAgents(),
				tags: select( coreStore ).getTags(),
				teams: select( teamsStore ).getTeams(),
			} ),
			[]
		);
		const agents = lists.agents ?? [];
		const tags = lists.tags ?? [];
		const teams = lists.teams ?? [];
		const [ search, setSearch ] = useState( params.s ?? '' );
		const debounced = useDebouncedValue( search, 350 );

		useEffect( () => {
			if ( debounced !== ( params.s ?? '' ) ) {
				onChange(
					{ s: debounced || undefined, paged: undefined },
					true
				);
			}
			// eslint-disable-next-line react-hooks/exhaustive-deps
		}, [ debounced ] );

		const set = ( key: keyof RouteParams ) => ( value: string ) =>
			onChange( { [ key ]: value || undefined, paged: undefined } );

		const allChannels = Array.from(
			new Set( [ ...KNOWN_CHANNELS, ...channels ] )
		);
		const hasFilters = [
			'status',
			'channel',
			'tag',
			'team',
			'priority',
			'assignee',
			'after',
			'before',
			's',
		].some( ( key ) => params[ key as keyof RouteParams ] );
		const sort = `${ params.orderby ?? 'last_message_at' }:${
			params.order ?? 'desc'
		}`;

		return (
			<div className="switchboard-inbox-filters" role="search">
				<SearchControl
					__nextHasNoMarginBottom
					ref={ searchRef }
					className="switchboard-inbox-filters__search"
					label={ __( 'Search tickets', 'switchboard' ) }
					placeholder={ __(
						'Search subject and messages, or #123',
						'switchboard'
					) }
					value={ search }
					onChange={ ( value: string ) => setSearch( value ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Status', 'switchboard' ) }
					value={ params.status ?? '' }
					options={ [
						{ value: '', label: __( 'Any (view)', 'switchboard' ) },
						...toOptions( STATUSES, statusLabel ),
					] }
					onChange={ set( 'status' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Channel', 'switchboard' ) }
					value={ params.channel ?? '' }
					options={ [
						{
							value: '',
							label: __( 'All channels', 'switchboard' ),
						},
						...allChannels.map( ( c ) => ( {
							value: c,
							label: channelLabel( c ),
						} ) ),
					] }
					onChange={ set( 'channel' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Tag', 'switchboard' ) }
					value={ params.tag ?? '' }
					options={ [
						{ value: '', label: __( 'Any tag', 'switchboard' ) },
						...tags.map( ( t ) => ( {
							value: t.slug,
							label: t.name,
						} ) ),
					] }
					onChange={ set( 'tag' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Team', 'switchboard' ) }
					value={ params.team ?? '' }
					options={ [
						{ value: '', label: __( 'Any team', 'switchboard' ) },
						{
							value: 'mine',
							label: __( 'My teams', 'switchboard' ),
						},
						{
							value: 'none',
							label: __( 'No team', 'switchboard' ),
						},
						...teams.map( ( t ) => ( {
							value: String( t.id ),
							label: t.name,
						} ) ),
					] }
					onChange={ set( 'team' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Priority', 'switchboard' ) }
					value={ params.priority ?? '' }
					options={ [
						{
							value: '',
							label: __( 'Any priority', 'switchboard' ),
						},
						...toOptions( PRIORITIES, priorityLabel ),
					] }
					onChange={ set( 'priority' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Assignee', 'switchboard' ) }
					value={ params.assignee ?? '' }
					options={ [
						{
							value: '',
							label: __( 'Anyone (view)', 'switchboard' ),
						},
						{ value: 'me', label: __( 'Me', 'switchboard' ) },
						{
							value: 'none',
							label: __( 'Unassigned', 'switchboard' ),
						},
						...agents.map( ( a ) => ( {
							value: String( a.id ),
							label: a.name,
						} ) ),
					] }
					onChange={ set( 'assignee' ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					type="date"
					label={ __( 'From', 'switchboard' ) }
					value={ params.after ?? '' }
					onChange={ set( 'after' ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					type="date"
					label={ __( 'To', 'switchboard' ) }
					value={ params.before ?? '' }
					onChange={ set( 'before' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Sort by', 'switchboard' ) }
					value={ sort }
					options={ sortOptions() }
					onChange={ ( value: string ) => {
						const [ orderby, order ] = value.split( ':' );
						onChange( {
							orderby:
								orderby === 'last_message_at'
									? undefined
									: orderby,
							order: order === 'desc' ? undefined : order,
							paged: undefined,
						} );
					} }
				/>
				{ hasFilters && (
					<Button
						variant="tertiary"
						className="switchboard-inbox-filters__clear"
						onClick={ () => {
							setSearch( '' );
							onChange( {
								status: undefined,
								channel: undefined,
								tag: undefined,
								team: undefined,
								priority: undefined,
								assignee: undefined,
								after: undefined,
								before: undefined,
								s: undefined,
								paged: undefined,
							} );
						} }
					>
						{ __( 'Clear filters', 'switchboard' ) }
					</Button>
				) }
			</div>
		);
	}
);

export default InboxFilters;
