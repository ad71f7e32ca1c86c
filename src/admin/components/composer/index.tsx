/**
 * The reply box: Reply (goes out on the ticket's channel) or private Note, @mentions of agents in
 * notes, attachments, canned responses with filled placeholders, Ctrl/Cmd+Enter to send.
 */

/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import {
	forwardRef,
	useImperativeHandle,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent, Attachment, CannedResponse } from '../../../shared/types';
import { uploadAttachment } from '../../../shared/api/tickets';
import { renderCannedResponse } from '../../../shared/api/canned-responses';
import { toApiError } from '../../../shared/api/errors';
import { channelLabel } from '../../labels';
import { formatBytes, mentionAt, textToHtml } from '../../utils/text';
import { isSendShortcut } from '../../hooks/use-shortcuts';
import CannedResponsePicker from '../canned-response-picker';
import KbArticlePicker, { articleLink } from '../kb-article-picker';
import './style.scss';

export type ComposerMode = 'reply' | 'note';

export interface ComposerHandle {
	focus: ( mode?: ComposerMode ) => void;
}

interface Props {
	ticketId: number;
	channel: string;
	agents: Agent[];
	onSend: ( data: {
		body: string;
		isPrivate: boolean;
		attachments: number[];
	} ) => Promise< void >;
	onTyping?: ( typing: boolean ) => void;
	onError: ( message: string ) => void;
}

const Composer = forwardRef< ComposerHandle, Props >( function Composer(
	{ ticketId, channel, agents, onSend, onTyping, onError },
	ref
) {
	const [ mode, setMode ] = useState< ComposerMode >( 'reply' );
	const [ text, setText ] = useState( '' );
	const [ files, setFiles ] = useState< Attachment[] >( [] );
	const [ uploading, setUploading ] = useState( 0 );
	const [ sending, setSending ] = useState( false );
	const [ inserting, setInserting ] = useState( false );
	const [ mention, setMention ] = useState< {
		start: number;
		query: string;
	} | null >( null );
	const [ mentionIndex, setMentionIndex ] = useState( 0 );
	const textareaRef = useRef< HTMLTextAreaElement >( null );
	const fileRef = useRef< HTMLInputElement >( null );

	useImperativeHandle( ref, () => ( {
		focus: ( nextMode?: ComposerMode ) => {
			if ( nextMode ) {
				setMode( nextMode );
			}
			textareaRef.current?.focus();
		},
	} ) );

	const isNote = mode === 'note';
	const suggestions =
		isNote && mention
			? agents
					.filter(
						( agent ) =>
							agent.login
								.toLowerCase()
								.startsWith( mention.query.toLowerCase() ) ||
							agent.name
								.toLowerCase()
								.includes( mention.query.toLowerCase() )
					)
					.slice( 0, 6 )
			: [];

	const updateText = ( value: string, caret: number ) => {
		setText( value );
		setMention( mentionAt( value, caret ) );
		setMentionIndex( 0 );
		onTyping?.( value.trim() !== '' );
	};

	const insertMention = ( agent: Agent ) => {
		if ( ! mention ) {
			return;
		}
		const caret = textareaRef.current?.selectionStart ?? text.length;
		const next =
			text.slice( 0, mention.start ) +
			`@${ agent.login } ` +
			text.slice( caret );
		setText( next );
		setMention( null );
		const position = mention.start + agent.login.length + 2;
		window.requestAnimationFrame( () => {
			textareaRef.current?.focus();
			textareaRef.current?.setSelectionRange( position, position );
		} );
	};

	const insertText = ( snippet: string ) => {
		const area = textareaRef.current;
		const start = area?.selectionStart ?? text.length;
		const end = area?.selectionEnd ?? text.length;
		const next = text.slice( 0, start ) + snippet + text.slice( end );
		setText( next );
		onTyping?.( true );
		window.requestAnimationFrame( () => {
			area?.focus();
			area?.setSelectionRange(
				start + snippet.length,
				start + snippet.length
			);
		} );
	};

	const pickCanned = async ( item: CannedResponse ) => {
		setInserting( true );
		try {
			const rendered = await renderCannedResponse( item.id, ticketId );
			insertText( rendered.body );
		} catch ( error ) {
			onError( toApiError( error ).message );
		} finally {
			setInserting( false );
		}
	};

	const upload = async ( list: FileList | null ) => {
		if ( ! list ) {
			return;
		}
		for ( const file of Array.from( list ) ) {
			setUploading( ( n ) => n + 1 );
			try {
				const stored = await uploadAttachment( file );
				setFiles( ( current ) => [ ...current, stored ] );
			} catch ( error ) {
				onError(
					sprintf(
						/* translators: 1: file name, 2: error message */
						__( 'Could not attach %1$s: %2$s', 'switchboard' ),
						file.name,
						toApiError( error ).message
					)
				);
			} finally {
				setUploading( ( n ) => n - 1 );
			}
		}
		if ( fileRef.current ) {
			fileRef.current.value = '';
		}
	};

	const canSend = text.trim() !== '' && ! sending && uploading === 0;

	const send = async () => {
		if ( ! canSend ) {
			return;
		}
		setSending( true );
		try {
			await onSend( {
				body: textToHtml( text ),
				isPrivate: isNote,
				attachments: files.map( ( file ) => file.id ),
			} );
			setText( '' );
			setFiles( [] );
			onTyping?.( false );
		} catch ( error ) {
			onError( toApiError( error ).message );
		} finally {
			setSending( false );
		}
	};

	const label = isNote
		? __(
				'Private note (only agents see it; @name mentions a colleague)',
				'switchboard'
		  )
		: sprintf(
				/* translators: %s: channel name, e.g. Email */
				__( 'Reply to the customer (sent via %s)', 'switchboard' ),
				channelLabel( channel )
		  );

	return (
		<div className={ `switchboard-composer${ isNote ? ' is-note' : '' }` }>
			<div
				className="switchboard-composer__modes"
				role="group"
				aria-label={ __( 'Message type', 'switchboard' ) }
			>
				<Button
					variant={ isNote ? 'tertiary' : 'primary' }
					size="compact"
					aria-pressed={ ! isNote }
					aria-keyshortcuts="r"
					onClick={ () => {
						setMode( 'reply' );
						textareaRef.current?.focus();
					} }
				>
					{ __( 'Reply', 'switchboard' ) }
				</Button>
				<Button
					variant={ isNote ? 'primary' : 'tertiary' }
					size="compact"
					aria-pressed={ isNote }
					aria-keyshortcuts="n"
					onClick={ () => {
						setMode( 'note' );
						textareaRef.current?.focus();
					} }
				>
					{ __( 'Note', 'switchboard' ) }
				</Button>
			</div>
			<label
				className="screen-reader-text"
				htmlFor={ `switchboard-composer-${ ticketId }` }
			>
				{ label }
			</label>
			<div className="switchboard-composer__field">
				<textarea
					id={ `switchboard-composer-${ ticketId }` }
					ref={ textareaRef }
					className="switchboard-composer__textarea"
					rows={ 6 }
					placeholder={ label }
					value={ text }
					aria-keyshortcuts="Control+Enter Meta+Enter"
					aria-autocomplete={ isNote ? 'list' : undefined }
					aria-controls={
						suggestions.length ? 'switchboard-mentions' : undefined
					}
					aria-activedescendant={
						suggestions.length
							? `switchboard-mention-${ suggestions[ mentionIndex ]?.id }`
							: undefined
					}
					onChange={ ( event ) =>
						updateText(
							event.target.value,
							event.target.selectionStart
						)
					}
					onKeyDown={ ( event ) => {
						if ( isSendShortcut( event ) ) {
							event.preventDefault();
							send();
							return;
						}
						if ( suggestions.length ) {
							if ( event.key === 'ArrowDown' ) {
								event.preventDefault();
								setMentionIndex(
									( i ) => ( i + 1 ) % suggestions.length
								);
							} else if ( event.key === 'ArrowUp' ) {
								event.preventDefault();
								setMentionIndex(
									( i ) =>
										( i - 1 + suggestions.length ) %
										suggestions.length
								);
							} else if (
								event.key === 'Enter' ||
								event.key === 'Tab'
							) {
								event.preventDefault();
								insertMention( suggestions[ mentionIndex ] );
							} else if ( event.key === 'Escape' ) {
								event.preventDefault();
								setMention( null );
							}
						}
					} }
				/>
				{ suggestions.length > 0 && (
					<ul
						id="switchboard-mentions"
						role="listbox"
						className="switchboard-composer__mentions"
						aria-label={ __( 'Mention an agent', 'switchboard' ) }
					>
						{ suggestions.map( ( agent, index ) => (
							<li
								key={ agent.id }
								id={ `switchboard-mention-${ agent.id }` }
								role="option"
								aria-selected={ index === mentionIndex }
								className={
									index === mentionIndex ? 'is-selected' : ''
								}
								onMouseDown={ ( event ) => {
									event.preventDefault();
									insertMention( agent );
								} }
							>
								<strong>{ agent.name }</strong> @{ agent.login }
							</li>
						) ) }
					</ul>
				) }
			</div>
			{ files.length > 0 && (
				<ul
					className="switchboard-composer__files"
					aria-label={ __( 'Attached files', 'switchboard' ) }
				>
					{ files.map( ( file ) => (
						<li key={ file.id }>
							{ file.filename }{ ' ' }
							<span>{ formatBytes( file.size ) }</span>
							<Button
								size="small"
								variant="link"
								isDestructive
								label={ sprintf(
									/* translators: %s: file name */
									__( 'Remove %s', 'switchboard' ),
									file.filename
								) }
								onClick={ () =>
									setFiles( ( current ) =>
										current.filter(
											( f ) => f.id !== file.id
										)
									)
								}
							>
								×
							</Button>
						</li>
					) ) }
				</ul>
			) }
			<div className="switchboard-composer__actions">
				<CannedResponsePicker
					onPick={ pickCanned }
					disabled={ inserting }
				/>
				<KbArticlePicker
					onPick={ ( article ) =>
						insertText( articleLink( article ) )
					}
				/>
				<input
					ref={ fileRef }
					type="file"
					multiple
					className="screen-reader-text"
					id={ `switchboard-attach-${ ticketId }` }
					onChange={ ( event ) => upload( event.target.files ) }
				/>
				<Button
					variant="secondary"
					onClick={ () => fileRef.current?.click() }
				>
					{ __( 'Attach files', 'switchboard' ) }
				</Button>
				{ ( uploading > 0 || inserting ) && <Spinner /> }
				<span className="switchboard-composer__hint">
					{ __( 'Ctrl/⌘ + Enter to send', 'switchboard' ) }
				</span>
				<Button
					variant="primary"
					onClick={ send }
					disabled={ ! canSend }
					isBusy={ sending }
					className="switchboard-composer__send"
				>
					{ isNote
						? __( 'Add note', 'switchboard' )
						: __( 'Send reply', 'switchboard' ) }
				</Button>
			</div>
		</div>
	);
} );

export default Composer;
