import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace tensorboard. */
export namespace tensorboard {

    /**
     * Properties of an Event.
     * @deprecated Use tensorboard.Event.$Properties instead.
     */
    interface IEvent extends tensorboard.Event.$Properties {
    }

    /** Represents an Event. */
    class Event {

        /**
         * Constructs a new Event.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Event.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Event wallTime. */
        wallTime: number;

        /** Event step. */
        step: (number|Long);

        /** Event fileVersion. */
        fileVersion?: (string|null);

        /** Event graphDef. */
        graphDef?: (Uint8Array|null);

        /** Event summary. */
        summary?: (tensorboard.Summary.$Properties|null);

        /** Event logMessage. */
        logMessage?: (tensorboard.LogMessage.$Properties|null);

        /** Event sessionLog. */
        sessionLog?: (tensorboard.SessionLog.$Properties|null);

        /** Event taggedRunMetadata. */
        taggedRunMetadata?: (tensorboard.TaggedRunMetadata.$Properties|null);

        /** Event metaGraphDef. */
        metaGraphDef?: (Uint8Array|null);

        /** Event sourceMetadata. */
        sourceMetadata?: (tensorboard.SourceMetadata.$Properties|null);

        /** Event what. */
        what?: ("fileVersion"|"graphDef"|"summary"|"logMessage"|"sessionLog"|"taggedRunMetadata"|"metaGraphDef");

        /**
         * Encodes the specified Event message. Does not implicitly {@link tensorboard.Event.verify|verify} messages.
         * @param message Event message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Event & tensorboard.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Event & tensorboard.Event.$Shape;

        /**
         * Creates an Event message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Event
         */
        static fromObject(object: { [k: string]: any }): tensorboard.Event;

        /**
         * Creates a plain object from an Event message. Also converts values to other types if specified.
         * @param message Event
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Event to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace Event {

        /** Properties of an Event. */
        interface $Properties {

            /** Event wallTime */
            wallTime?: (number|null);

            /** Event step */
            step?: (number|Long|null);

            /** Event fileVersion */
            fileVersion?: (string|null);

            /** Event graphDef */
            graphDef?: (Uint8Array|null);

            /** Event summary */
            summary?: (tensorboard.Summary.$Properties|null);

            /** Event logMessage */
            logMessage?: (tensorboard.LogMessage.$Properties|null);

            /** Event sessionLog */
            sessionLog?: (tensorboard.SessionLog.$Properties|null);

            /** Event taggedRunMetadata */
            taggedRunMetadata?: (tensorboard.TaggedRunMetadata.$Properties|null);

            /** Event metaGraphDef */
            metaGraphDef?: (Uint8Array|null);

            /** Event sourceMetadata */
            sourceMetadata?: (tensorboard.SourceMetadata.$Properties|null);

            /** Event what */
            what?: ("fileVersion"|"graphDef"|"summary"|"logMessage"|"sessionLog"|"taggedRunMetadata"|"metaGraphDef");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Event. */
        type $Shape = {
          wallTime?: number|null;
          step?: number|Long|null;
          fileVersion?: string|null;
          graphDef?: Uint8Array|null;
          summary?: tensorboard.Summary.$Shape|null;
          logMessage?: tensorboard.LogMessage.$Shape|null;
          sessionLog?: tensorboard.SessionLog.$Shape|null;
          taggedRunMetadata?: tensorboard.TaggedRunMetadata.$Shape|null;
          metaGraphDef?: Uint8Array|null;
          sourceMetadata?: tensorboard.SourceMetadata.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ what?: undefined; fileVersion?: null; graphDef?: null; summary?: null; logMessage?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "fileVersion"; fileVersion: string; graphDef?: null; summary?: null; logMessage?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "graphDef"; fileVersion?: null; graphDef: Uint8Array; summary?: null; logMessage?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "summary"; fileVersion?: null; graphDef?: null; summary: tensorboard.Summary.$Shape; logMessage?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "logMessage"; fileVersion?: null; graphDef?: null; summary?: null; logMessage: tensorboard.LogMessage.$Shape; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "sessionLog"; fileVersion?: null; graphDef?: null; summary?: null; logMessage?: null; sessionLog: tensorboard.SessionLog.$Shape; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "taggedRunMetadata"; fileVersion?: null; graphDef?: null; summary?: null; logMessage?: null; sessionLog?: null; taggedRunMetadata: tensorboard.TaggedRunMetadata.$Shape; metaGraphDef?: null }|{ what?: "metaGraphDef"; fileVersion?: null; graphDef?: null; summary?: null; logMessage?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef: Uint8Array })
        );
    }

    /**
     * Properties of a SourceMetadata.
     * @deprecated Use tensorboard.SourceMetadata.$Properties instead.
     */
    interface ISourceMetadata extends tensorboard.SourceMetadata.$Properties {
    }

    /** Represents a SourceMetadata. */
    class SourceMetadata {

        /**
         * Constructs a new SourceMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SourceMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SourceMetadata writer. */
        writer: string;

        /**
         * Encodes the specified SourceMetadata message. Does not implicitly {@link tensorboard.SourceMetadata.verify|verify} messages.
         * @param message SourceMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SourceMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SourceMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SourceMetadata & tensorboard.SourceMetadata.$Shape} SourceMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SourceMetadata & tensorboard.SourceMetadata.$Shape;

        /**
         * Creates a SourceMetadata message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SourceMetadata
         */
        static fromObject(object: { [k: string]: any }): tensorboard.SourceMetadata;

        /**
         * Creates a plain object from a SourceMetadata message. Also converts values to other types if specified.
         * @param message SourceMetadata
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.SourceMetadata, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SourceMetadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace SourceMetadata {

        /** Properties of a SourceMetadata. */
        interface $Properties {

            /** SourceMetadata writer */
            writer?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SourceMetadata. */
        type $Shape = tensorboard.SourceMetadata.$Properties;
    }

    /**
     * Properties of a LogMessage.
     * @deprecated Use tensorboard.LogMessage.$Properties instead.
     */
    interface ILogMessage extends tensorboard.LogMessage.$Properties {
    }

    /** Represents a LogMessage. */
    class LogMessage {

        /**
         * Constructs a new LogMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.LogMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LogMessage level. */
        level: tensorboard.LogMessage.Level;

        /** LogMessage message. */
        message: string;

        /**
         * Encodes the specified LogMessage message. Does not implicitly {@link tensorboard.LogMessage.verify|verify} messages.
         * @param message LogMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.LogMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LogMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.LogMessage & tensorboard.LogMessage.$Shape} LogMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.LogMessage & tensorboard.LogMessage.$Shape;

        /**
         * Creates a LogMessage message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LogMessage
         */
        static fromObject(object: { [k: string]: any }): tensorboard.LogMessage;

        /**
         * Creates a plain object from a LogMessage message. Also converts values to other types if specified.
         * @param message LogMessage
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.LogMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LogMessage to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace LogMessage {

        /** Properties of a LogMessage. */
        interface $Properties {

            /** LogMessage level */
            level?: (tensorboard.LogMessage.Level|null);

            /** LogMessage message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LogMessage. */
        type $Shape = tensorboard.LogMessage.$Properties;

        /** Level enum. */
        enum Level {

            /** UNKNOWN value */
            UNKNOWN = 0,

            /** DEBUGGING value */
            DEBUGGING = 10,

            /** INFO value */
            INFO = 20,

            /** WARN value */
            WARN = 30,

            /** ERROR value */
            ERROR = 40,

            /** FATAL value */
            FATAL = 50
        }
    }

    /**
     * Properties of a SessionLog.
     * @deprecated Use tensorboard.SessionLog.$Properties instead.
     */
    interface ISessionLog extends tensorboard.SessionLog.$Properties {
    }

    /** Represents a SessionLog. */
    class SessionLog {

        /**
         * Constructs a new SessionLog.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SessionLog.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SessionLog status. */
        status: tensorboard.SessionLog.SessionStatus;

        /** SessionLog checkpointPath. */
        checkpointPath: string;

        /** SessionLog msg. */
        msg: string;

        /**
         * Encodes the specified SessionLog message. Does not implicitly {@link tensorboard.SessionLog.verify|verify} messages.
         * @param message SessionLog message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SessionLog.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SessionLog message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SessionLog & tensorboard.SessionLog.$Shape} SessionLog
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SessionLog & tensorboard.SessionLog.$Shape;

        /**
         * Creates a SessionLog message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SessionLog
         */
        static fromObject(object: { [k: string]: any }): tensorboard.SessionLog;

        /**
         * Creates a plain object from a SessionLog message. Also converts values to other types if specified.
         * @param message SessionLog
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.SessionLog, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SessionLog to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace SessionLog {

        /** Properties of a SessionLog. */
        interface $Properties {

            /** SessionLog status */
            status?: (tensorboard.SessionLog.SessionStatus|null);

            /** SessionLog checkpointPath */
            checkpointPath?: (string|null);

            /** SessionLog msg */
            msg?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SessionLog. */
        type $Shape = tensorboard.SessionLog.$Properties;

        /** SessionStatus enum. */
        enum SessionStatus {

            /** STATUS_UNSPECIFIED value */
            STATUS_UNSPECIFIED = 0,

            /** START value */
            START = 1,

            /** STOP value */
            STOP = 2,

            /** CHECKPOINT value */
            CHECKPOINT = 3
        }
    }

    /**
     * Properties of a TaggedRunMetadata.
     * @deprecated Use tensorboard.TaggedRunMetadata.$Properties instead.
     */
    interface ITaggedRunMetadata extends tensorboard.TaggedRunMetadata.$Properties {
    }

    /** Represents a TaggedRunMetadata. */
    class TaggedRunMetadata {

        /**
         * Constructs a new TaggedRunMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TaggedRunMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TaggedRunMetadata tag. */
        tag: string;

        /** TaggedRunMetadata runMetadata. */
        runMetadata: Uint8Array;

        /**
         * Encodes the specified TaggedRunMetadata message. Does not implicitly {@link tensorboard.TaggedRunMetadata.verify|verify} messages.
         * @param message TaggedRunMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.TaggedRunMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TaggedRunMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TaggedRunMetadata & tensorboard.TaggedRunMetadata.$Shape} TaggedRunMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TaggedRunMetadata & tensorboard.TaggedRunMetadata.$Shape;

        /**
         * Creates a TaggedRunMetadata message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TaggedRunMetadata
         */
        static fromObject(object: { [k: string]: any }): tensorboard.TaggedRunMetadata;

        /**
         * Creates a plain object from a TaggedRunMetadata message. Also converts values to other types if specified.
         * @param message TaggedRunMetadata
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.TaggedRunMetadata, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TaggedRunMetadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace TaggedRunMetadata {

        /** Properties of a TaggedRunMetadata. */
        interface $Properties {

            /** TaggedRunMetadata tag */
            tag?: (string|null);

            /** TaggedRunMetadata runMetadata */
            runMetadata?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TaggedRunMetadata. */
        type $Shape = tensorboard.TaggedRunMetadata.$Properties;
    }

    /** WorkerHealth enum. */
    enum WorkerHealth {

        /** OK value */
        OK = 0,

        /** RECEIVED_SHUTDOWN_SIGNAL value */
        RECEIVED_SHUTDOWN_SIGNAL = 1,

        /** INTERNAL_ERROR value */
        INTERNAL_ERROR = 2,

        /** SHUTTING_DOWN value */
        SHUTTING_DOWN = 3
    }

    /** WorkerShutdownMode enum. */
    enum WorkerShutdownMode {

        /** DEFAULT value */
        DEFAULT = 0,

        /** NOT_CONFIGURED value */
        NOT_CONFIGURED = 1,

        /** WAIT_FOR_COORDINATOR value */
        WAIT_FOR_COORDINATOR = 2,

        /** SHUTDOWN_AFTER_TIMEOUT value */
        SHUTDOWN_AFTER_TIMEOUT = 3
    }

    /**
     * Properties of a WatchdogConfig.
     * @deprecated Use tensorboard.WatchdogConfig.$Properties instead.
     */
    interface IWatchdogConfig extends tensorboard.WatchdogConfig.$Properties {
    }

    /** Represents a WatchdogConfig. */
    class WatchdogConfig {

        /**
         * Constructs a new WatchdogConfig.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.WatchdogConfig.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchdogConfig timeoutMs. */
        timeoutMs: (number|Long);

        /**
         * Encodes the specified WatchdogConfig message. Does not implicitly {@link tensorboard.WatchdogConfig.verify|verify} messages.
         * @param message WatchdogConfig message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.WatchdogConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchdogConfig message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.WatchdogConfig & tensorboard.WatchdogConfig.$Shape} WatchdogConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.WatchdogConfig & tensorboard.WatchdogConfig.$Shape;

        /**
         * Creates a WatchdogConfig message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WatchdogConfig
         */
        static fromObject(object: { [k: string]: any }): tensorboard.WatchdogConfig;

        /**
         * Creates a plain object from a WatchdogConfig message. Also converts values to other types if specified.
         * @param message WatchdogConfig
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.WatchdogConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchdogConfig to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace WatchdogConfig {

        /** Properties of a WatchdogConfig. */
        interface $Properties {

            /** WatchdogConfig timeoutMs */
            timeoutMs?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchdogConfig. */
        type $Shape = tensorboard.WatchdogConfig.$Properties;
    }

    /**
     * Properties of a RequestedExitCode.
     * @deprecated Use tensorboard.RequestedExitCode.$Properties instead.
     */
    interface IRequestedExitCode extends tensorboard.RequestedExitCode.$Properties {
    }

    /** Represents a RequestedExitCode. */
    class RequestedExitCode {

        /**
         * Constructs a new RequestedExitCode.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.RequestedExitCode.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RequestedExitCode exitCode. */
        exitCode: number;

        /**
         * Encodes the specified RequestedExitCode message. Does not implicitly {@link tensorboard.RequestedExitCode.verify|verify} messages.
         * @param message RequestedExitCode message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.RequestedExitCode.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RequestedExitCode message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.RequestedExitCode & tensorboard.RequestedExitCode.$Shape} RequestedExitCode
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.RequestedExitCode & tensorboard.RequestedExitCode.$Shape;

        /**
         * Creates a RequestedExitCode message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RequestedExitCode
         */
        static fromObject(object: { [k: string]: any }): tensorboard.RequestedExitCode;

        /**
         * Creates a plain object from a RequestedExitCode message. Also converts values to other types if specified.
         * @param message RequestedExitCode
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.RequestedExitCode, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RequestedExitCode to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace RequestedExitCode {

        /** Properties of a RequestedExitCode. */
        interface $Properties {

            /** RequestedExitCode exitCode */
            exitCode?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RequestedExitCode. */
        type $Shape = tensorboard.RequestedExitCode.$Properties;
    }

    /**
     * Properties of a WorkerHeartbeatRequest.
     * @deprecated Use tensorboard.WorkerHeartbeatRequest.$Properties instead.
     */
    interface IWorkerHeartbeatRequest extends tensorboard.WorkerHeartbeatRequest.$Properties {
    }

    /** Represents a WorkerHeartbeatRequest. */
    class WorkerHeartbeatRequest {

        /**
         * Constructs a new WorkerHeartbeatRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.WorkerHeartbeatRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WorkerHeartbeatRequest shutdownMode. */
        shutdownMode: tensorboard.WorkerShutdownMode;

        /** WorkerHeartbeatRequest watchdogConfig. */
        watchdogConfig?: (tensorboard.WatchdogConfig.$Properties|null);

        /** WorkerHeartbeatRequest exitCode. */
        exitCode?: (tensorboard.RequestedExitCode.$Properties|null);

        /**
         * Encodes the specified WorkerHeartbeatRequest message. Does not implicitly {@link tensorboard.WorkerHeartbeatRequest.verify|verify} messages.
         * @param message WorkerHeartbeatRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.WorkerHeartbeatRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WorkerHeartbeatRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.WorkerHeartbeatRequest & tensorboard.WorkerHeartbeatRequest.$Shape} WorkerHeartbeatRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.WorkerHeartbeatRequest & tensorboard.WorkerHeartbeatRequest.$Shape;

        /**
         * Creates a WorkerHeartbeatRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WorkerHeartbeatRequest
         */
        static fromObject(object: { [k: string]: any }): tensorboard.WorkerHeartbeatRequest;

        /**
         * Creates a plain object from a WorkerHeartbeatRequest message. Also converts values to other types if specified.
         * @param message WorkerHeartbeatRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.WorkerHeartbeatRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WorkerHeartbeatRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace WorkerHeartbeatRequest {

        /** Properties of a WorkerHeartbeatRequest. */
        interface $Properties {

            /** WorkerHeartbeatRequest shutdownMode */
            shutdownMode?: (tensorboard.WorkerShutdownMode|null);

            /** WorkerHeartbeatRequest watchdogConfig */
            watchdogConfig?: (tensorboard.WatchdogConfig.$Properties|null);

            /** WorkerHeartbeatRequest exitCode */
            exitCode?: (tensorboard.RequestedExitCode.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WorkerHeartbeatRequest. */
        type $Shape = tensorboard.WorkerHeartbeatRequest.$Properties;
    }

    /**
     * Properties of a WorkerHeartbeatResponse.
     * @deprecated Use tensorboard.WorkerHeartbeatResponse.$Properties instead.
     */
    interface IWorkerHeartbeatResponse extends tensorboard.WorkerHeartbeatResponse.$Properties {
    }

    /** Represents a WorkerHeartbeatResponse. */
    class WorkerHeartbeatResponse {

        /**
         * Constructs a new WorkerHeartbeatResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.WorkerHeartbeatResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WorkerHeartbeatResponse healthStatus. */
        healthStatus: tensorboard.WorkerHealth;

        /** WorkerHeartbeatResponse workerLog. */
        workerLog: tensorboard.Event.$Properties[];

        /** WorkerHeartbeatResponse hostname. */
        hostname: string;

        /**
         * Encodes the specified WorkerHeartbeatResponse message. Does not implicitly {@link tensorboard.WorkerHeartbeatResponse.verify|verify} messages.
         * @param message WorkerHeartbeatResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.WorkerHeartbeatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WorkerHeartbeatResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.WorkerHeartbeatResponse & tensorboard.WorkerHeartbeatResponse.$Shape} WorkerHeartbeatResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.WorkerHeartbeatResponse & tensorboard.WorkerHeartbeatResponse.$Shape;

        /**
         * Creates a WorkerHeartbeatResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WorkerHeartbeatResponse
         */
        static fromObject(object: { [k: string]: any }): tensorboard.WorkerHeartbeatResponse;

        /**
         * Creates a plain object from a WorkerHeartbeatResponse message. Also converts values to other types if specified.
         * @param message WorkerHeartbeatResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.WorkerHeartbeatResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WorkerHeartbeatResponse to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace WorkerHeartbeatResponse {

        /** Properties of a WorkerHeartbeatResponse. */
        interface $Properties {

            /** WorkerHeartbeatResponse healthStatus */
            healthStatus?: (tensorboard.WorkerHealth|null);

            /** WorkerHeartbeatResponse workerLog */
            workerLog?: (tensorboard.Event.$Properties[]|null);

            /** WorkerHeartbeatResponse hostname */
            hostname?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WorkerHeartbeatResponse. */
        type $Shape = {
          healthStatus?: tensorboard.WorkerHealth|null;
          workerLog?: tensorboard.Event.$Shape[]|null;
          hostname?: string|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SummaryDescription.
     * @deprecated Use tensorboard.SummaryDescription.$Properties instead.
     */
    interface ISummaryDescription extends tensorboard.SummaryDescription.$Properties {
    }

    /** Represents a SummaryDescription. */
    class SummaryDescription {

        /**
         * Constructs a new SummaryDescription.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SummaryDescription.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SummaryDescription typeHint. */
        typeHint: string;

        /**
         * Encodes the specified SummaryDescription message. Does not implicitly {@link tensorboard.SummaryDescription.verify|verify} messages.
         * @param message SummaryDescription message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SummaryDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SummaryDescription message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SummaryDescription & tensorboard.SummaryDescription.$Shape} SummaryDescription
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryDescription & tensorboard.SummaryDescription.$Shape;

        /**
         * Creates a SummaryDescription message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SummaryDescription
         */
        static fromObject(object: { [k: string]: any }): tensorboard.SummaryDescription;

        /**
         * Creates a plain object from a SummaryDescription message. Also converts values to other types if specified.
         * @param message SummaryDescription
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.SummaryDescription, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SummaryDescription to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace SummaryDescription {

        /** Properties of a SummaryDescription. */
        interface $Properties {

            /** SummaryDescription typeHint */
            typeHint?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SummaryDescription. */
        type $Shape = tensorboard.SummaryDescription.$Properties;
    }

    /**
     * Properties of a SummaryMetadata.
     * @deprecated Use tensorboard.SummaryMetadata.$Properties instead.
     */
    interface ISummaryMetadata extends tensorboard.SummaryMetadata.$Properties {
    }

    /** Represents a SummaryMetadata. */
    class SummaryMetadata {

        /**
         * Constructs a new SummaryMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SummaryMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SummaryMetadata pluginData. */
        pluginData?: (tensorboard.SummaryMetadata.PluginData.$Properties|null);

        /** SummaryMetadata displayName. */
        displayName: string;

        /** SummaryMetadata summaryDescription. */
        summaryDescription: string;

        /** SummaryMetadata dataClass. */
        dataClass: tensorboard.DataClass;

        /**
         * Encodes the specified SummaryMetadata message. Does not implicitly {@link tensorboard.SummaryMetadata.verify|verify} messages.
         * @param message SummaryMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SummaryMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SummaryMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape} SummaryMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape;

        /**
         * Creates a SummaryMetadata message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SummaryMetadata
         */
        static fromObject(object: { [k: string]: any }): tensorboard.SummaryMetadata;

        /**
         * Creates a plain object from a SummaryMetadata message. Also converts values to other types if specified.
         * @param message SummaryMetadata
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.SummaryMetadata, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SummaryMetadata to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace SummaryMetadata {

        /** Properties of a SummaryMetadata. */
        interface $Properties {

            /** SummaryMetadata pluginData */
            pluginData?: (tensorboard.SummaryMetadata.PluginData.$Properties|null);

            /** SummaryMetadata displayName */
            displayName?: (string|null);

            /** SummaryMetadata summaryDescription */
            summaryDescription?: (string|null);

            /** SummaryMetadata dataClass */
            dataClass?: (tensorboard.DataClass|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SummaryMetadata. */
        type $Shape = tensorboard.SummaryMetadata.$Properties;

        /**
         * Properties of a PluginData.
         * @deprecated Use tensorboard.SummaryMetadata.PluginData.$Properties instead.
         */
        interface IPluginData extends tensorboard.SummaryMetadata.PluginData.$Properties {
        }

        /** Represents a PluginData. */
        class PluginData {

            /**
             * Constructs a new PluginData.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.SummaryMetadata.PluginData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PluginData pluginName. */
            pluginName: string;

            /** PluginData content. */
            content: Uint8Array;

            /**
             * Encodes the specified PluginData message. Does not implicitly {@link tensorboard.SummaryMetadata.PluginData.verify|verify} messages.
             * @param message PluginData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.SummaryMetadata.PluginData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PluginData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape} PluginData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape;

            /**
             * Creates a PluginData message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PluginData
             */
            static fromObject(object: { [k: string]: any }): tensorboard.SummaryMetadata.PluginData;

            /**
             * Creates a plain object from a PluginData message. Also converts values to other types if specified.
             * @param message PluginData
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.SummaryMetadata.PluginData, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PluginData to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PluginData {

            /** Properties of a PluginData. */
            interface $Properties {

                /** PluginData pluginName */
                pluginName?: (string|null);

                /** PluginData content */
                content?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PluginData. */
            type $Shape = tensorboard.SummaryMetadata.PluginData.$Properties;
        }
    }

    /** DataClass enum. */
    enum DataClass {

        /** DATA_CLASS_UNKNOWN value */
        DATA_CLASS_UNKNOWN = 0,

        /** DATA_CLASS_SCALAR value */
        DATA_CLASS_SCALAR = 1,

        /** DATA_CLASS_TENSOR value */
        DATA_CLASS_TENSOR = 2,

        /** DATA_CLASS_BLOB_SEQUENCE value */
        DATA_CLASS_BLOB_SEQUENCE = 3
    }

    /**
     * Properties of a Summary.
     * @deprecated Use tensorboard.Summary.$Properties instead.
     */
    interface ISummary extends tensorboard.Summary.$Properties {
    }

    /** Represents a Summary. */
    class Summary {

        /**
         * Constructs a new Summary.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Summary.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Summary value. */
        value: tensorboard.Summary.Value.$Properties[];

        /**
         * Encodes the specified Summary message. Does not implicitly {@link tensorboard.Summary.verify|verify} messages.
         * @param message Summary message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Summary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Summary message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Summary & tensorboard.Summary.$Shape} Summary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary & tensorboard.Summary.$Shape;

        /**
         * Creates a Summary message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Summary
         */
        static fromObject(object: { [k: string]: any }): tensorboard.Summary;

        /**
         * Creates a plain object from a Summary message. Also converts values to other types if specified.
         * @param message Summary
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.Summary, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Summary to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace Summary {

        /** Properties of a Summary. */
        interface $Properties {

            /** Summary value */
            value?: (tensorboard.Summary.Value.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Summary. */
        type $Shape = {
          value?: tensorboard.Summary.Value.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of an Image.
         * @deprecated Use tensorboard.Summary.Image.$Properties instead.
         */
        interface IImage extends tensorboard.Summary.Image.$Properties {
        }

        /** Represents an Image. */
        class Image {

            /**
             * Constructs a new Image.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Image.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Image height. */
            height: number;

            /** Image width. */
            width: number;

            /** Image colorspace. */
            colorspace: number;

            /** Image encodedImageString. */
            encodedImageString: Uint8Array;

            /**
             * Encodes the specified Image message. Does not implicitly {@link tensorboard.Summary.Image.verify|verify} messages.
             * @param message Image message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.Summary.Image.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Image message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Image & tensorboard.Summary.Image.$Shape} Image
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Image & tensorboard.Summary.Image.$Shape;

            /**
             * Creates an Image message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Image
             */
            static fromObject(object: { [k: string]: any }): tensorboard.Summary.Image;

            /**
             * Creates a plain object from an Image message. Also converts values to other types if specified.
             * @param message Image
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.Summary.Image, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Image to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Image {

            /** Properties of an Image. */
            interface $Properties {

                /** Image height */
                height?: (number|null);

                /** Image width */
                width?: (number|null);

                /** Image colorspace */
                colorspace?: (number|null);

                /** Image encodedImageString */
                encodedImageString?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Image. */
            type $Shape = tensorboard.Summary.Image.$Properties;
        }

        /**
         * Properties of an Audio.
         * @deprecated Use tensorboard.Summary.Audio.$Properties instead.
         */
        interface IAudio extends tensorboard.Summary.Audio.$Properties {
        }

        /** Represents an Audio. */
        class Audio {

            /**
             * Constructs a new Audio.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Audio.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Audio sampleRate. */
            sampleRate: number;

            /** Audio numChannels. */
            numChannels: (number|Long);

            /** Audio lengthFrames. */
            lengthFrames: (number|Long);

            /** Audio encodedAudioString. */
            encodedAudioString: Uint8Array;

            /** Audio contentType. */
            contentType: string;

            /**
             * Encodes the specified Audio message. Does not implicitly {@link tensorboard.Summary.Audio.verify|verify} messages.
             * @param message Audio message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.Summary.Audio.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Audio message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Audio & tensorboard.Summary.Audio.$Shape} Audio
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Audio & tensorboard.Summary.Audio.$Shape;

            /**
             * Creates an Audio message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Audio
             */
            static fromObject(object: { [k: string]: any }): tensorboard.Summary.Audio;

            /**
             * Creates a plain object from an Audio message. Also converts values to other types if specified.
             * @param message Audio
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.Summary.Audio, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Audio to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Audio {

            /** Properties of an Audio. */
            interface $Properties {

                /** Audio sampleRate */
                sampleRate?: (number|null);

                /** Audio numChannels */
                numChannels?: (number|Long|null);

                /** Audio lengthFrames */
                lengthFrames?: (number|Long|null);

                /** Audio encodedAudioString */
                encodedAudioString?: (Uint8Array|null);

                /** Audio contentType */
                contentType?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Audio. */
            type $Shape = tensorboard.Summary.Audio.$Properties;
        }

        /**
         * Properties of a Value.
         * @deprecated Use tensorboard.Summary.Value.$Properties instead.
         */
        interface IValue extends tensorboard.Summary.Value.$Properties {
        }

        /** Represents a Value. */
        class Value {

            /**
             * Constructs a new Value.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Value.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Value nodeName. */
            nodeName: string;

            /** Value tag. */
            tag: string;

            /** Value metadata. */
            metadata?: (tensorboard.SummaryMetadata.$Properties|null);

            /** Value simpleValue. */
            simpleValue?: (number|null);

            /** Value obsoleteOldStyleHistogram. */
            obsoleteOldStyleHistogram?: (Uint8Array|null);

            /** Value image. */
            image?: (tensorboard.Summary.Image.$Properties|null);

            /** Value histo. */
            histo?: (tensorboard.HistogramProto.$Properties|null);

            /** Value audio. */
            audio?: (tensorboard.Summary.Audio.$Properties|null);

            /** Value tensor. */
            tensor?: (tensorboard.TensorProto.$Properties|null);

            /** Value value. */
            value?: ("simpleValue"|"obsoleteOldStyleHistogram"|"image"|"histo"|"audio"|"tensor");

            /**
             * Encodes the specified Value message. Does not implicitly {@link tensorboard.Summary.Value.verify|verify} messages.
             * @param message Value message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.Summary.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape;

            /**
             * Creates a Value message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Value
             */
            static fromObject(object: { [k: string]: any }): tensorboard.Summary.Value;

            /**
             * Creates a plain object from a Value message. Also converts values to other types if specified.
             * @param message Value
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.Summary.Value, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Value to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Value {

            /** Properties of a Value. */
            interface $Properties {

                /** Value nodeName */
                nodeName?: (string|null);

                /** Value tag */
                tag?: (string|null);

                /** Value metadata */
                metadata?: (tensorboard.SummaryMetadata.$Properties|null);

                /** Value simpleValue */
                simpleValue?: (number|null);

                /** Value obsoleteOldStyleHistogram */
                obsoleteOldStyleHistogram?: (Uint8Array|null);

                /** Value image */
                image?: (tensorboard.Summary.Image.$Properties|null);

                /** Value histo */
                histo?: (tensorboard.HistogramProto.$Properties|null);

                /** Value audio */
                audio?: (tensorboard.Summary.Audio.$Properties|null);

                /** Value tensor */
                tensor?: (tensorboard.TensorProto.$Properties|null);

                /** Value value */
                value?: ("simpleValue"|"obsoleteOldStyleHistogram"|"image"|"histo"|"audio"|"tensor");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Value. */
            type $Shape = {
              nodeName?: string|null;
              tag?: string|null;
              metadata?: tensorboard.SummaryMetadata.$Shape|null;
              simpleValue?: number|null;
              obsoleteOldStyleHistogram?: Uint8Array|null;
              image?: tensorboard.Summary.Image.$Shape|null;
              histo?: tensorboard.HistogramProto.$Shape|null;
              audio?: tensorboard.Summary.Audio.$Shape|null;
              tensor?: tensorboard.TensorProto.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio?: null; tensor?: null }|{ value?: "simpleValue"; simpleValue: number; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio?: null; tensor?: null }|{ value?: "obsoleteOldStyleHistogram"; simpleValue?: null; obsoleteOldStyleHistogram: Uint8Array; image?: null; histo?: null; audio?: null; tensor?: null }|{ value?: "image"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image: tensorboard.Summary.Image.$Shape; histo?: null; audio?: null; tensor?: null }|{ value?: "histo"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo: tensorboard.HistogramProto.$Shape; audio?: null; tensor?: null }|{ value?: "audio"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio: tensorboard.Summary.Audio.$Shape; tensor?: null }|{ value?: "tensor"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio?: null; tensor: tensorboard.TensorProto.$Shape })
            );
        }
    }

    /**
     * Properties of a HistogramProto.
     * @deprecated Use tensorboard.HistogramProto.$Properties instead.
     */
    interface IHistogramProto extends tensorboard.HistogramProto.$Properties {
    }

    /** Represents a HistogramProto. */
    class HistogramProto {

        /**
         * Constructs a new HistogramProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.HistogramProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HistogramProto min. */
        min: number;

        /** HistogramProto max. */
        max: number;

        /** HistogramProto num. */
        num: number;

        /** HistogramProto sum. */
        sum: number;

        /** HistogramProto sumSquares. */
        sumSquares: number;

        /** HistogramProto bucketLimit. */
        bucketLimit: number[];

        /** HistogramProto bucket. */
        bucket: number[];

        /**
         * Encodes the specified HistogramProto message. Does not implicitly {@link tensorboard.HistogramProto.verify|verify} messages.
         * @param message HistogramProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.HistogramProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HistogramProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.HistogramProto & tensorboard.HistogramProto.$Shape} HistogramProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.HistogramProto & tensorboard.HistogramProto.$Shape;

        /**
         * Creates a HistogramProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HistogramProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.HistogramProto;

        /**
         * Creates a plain object from a HistogramProto message. Also converts values to other types if specified.
         * @param message HistogramProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.HistogramProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HistogramProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace HistogramProto {

        /** Properties of a HistogramProto. */
        interface $Properties {

            /** HistogramProto min */
            min?: (number|null);

            /** HistogramProto max */
            max?: (number|null);

            /** HistogramProto num */
            num?: (number|null);

            /** HistogramProto sum */
            sum?: (number|null);

            /** HistogramProto sumSquares */
            sumSquares?: (number|null);

            /** HistogramProto bucketLimit */
            bucketLimit?: (number[]|null);

            /** HistogramProto bucket */
            bucket?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HistogramProto. */
        type $Shape = tensorboard.HistogramProto.$Properties;
    }

    /**
     * Properties of a TensorProto.
     * @deprecated Use tensorboard.TensorProto.$Properties instead.
     */
    interface ITensorProto extends tensorboard.TensorProto.$Properties {
    }

    /** Represents a TensorProto. */
    class TensorProto {

        /**
         * Constructs a new TensorProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TensorProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorProto dtype. */
        dtype: tensorboard.DataType;

        /** TensorProto tensorShape. */
        tensorShape?: (tensorboard.TensorShapeProto.$Properties|null);

        /** TensorProto versionNumber. */
        versionNumber: number;

        /** TensorProto tensorContent. */
        tensorContent: Uint8Array;

        /** TensorProto halfVal. */
        halfVal: number[];

        /** TensorProto floatVal. */
        floatVal: number[];

        /** TensorProto doubleVal. */
        doubleVal: number[];

        /** TensorProto intVal. */
        intVal: number[];

        /** TensorProto stringVal. */
        stringVal: Uint8Array[];

        /** TensorProto scomplexVal. */
        scomplexVal: number[];

        /** TensorProto int64Val. */
        int64Val: (number|Long)[];

        /** TensorProto boolVal. */
        boolVal: boolean[];

        /** TensorProto dcomplexVal. */
        dcomplexVal: number[];

        /** TensorProto resourceHandleVal. */
        resourceHandleVal: tensorboard.ResourceHandleProto.$Properties[];

        /** TensorProto variantVal. */
        variantVal: tensorboard.VariantTensorDataProto.$Properties[];

        /** TensorProto uint32Val. */
        uint32Val: number[];

        /** TensorProto uint64Val. */
        uint64Val: (number|Long)[];

        /** TensorProto float8Val. */
        float8Val: Uint8Array;

        /**
         * Encodes the specified TensorProto message. Does not implicitly {@link tensorboard.TensorProto.verify|verify} messages.
         * @param message TensorProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.TensorProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TensorProto & tensorboard.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorProto & tensorboard.TensorProto.$Shape;

        /**
         * Creates a TensorProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TensorProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.TensorProto;

        /**
         * Creates a plain object from a TensorProto message. Also converts values to other types if specified.
         * @param message TensorProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.TensorProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TensorProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace TensorProto {

        /** Properties of a TensorProto. */
        interface $Properties {

            /** TensorProto dtype */
            dtype?: (tensorboard.DataType|null);

            /** TensorProto tensorShape */
            tensorShape?: (tensorboard.TensorShapeProto.$Properties|null);

            /** TensorProto versionNumber */
            versionNumber?: (number|null);

            /** TensorProto tensorContent */
            tensorContent?: (Uint8Array|null);

            /** TensorProto halfVal */
            halfVal?: (number[]|null);

            /** TensorProto floatVal */
            floatVal?: (number[]|null);

            /** TensorProto doubleVal */
            doubleVal?: (number[]|null);

            /** TensorProto intVal */
            intVal?: (number[]|null);

            /** TensorProto stringVal */
            stringVal?: (Uint8Array[]|null);

            /** TensorProto scomplexVal */
            scomplexVal?: (number[]|null);

            /** TensorProto int64Val */
            int64Val?: ((number|Long)[]|null);

            /** TensorProto boolVal */
            boolVal?: (boolean[]|null);

            /** TensorProto dcomplexVal */
            dcomplexVal?: (number[]|null);

            /** TensorProto resourceHandleVal */
            resourceHandleVal?: (tensorboard.ResourceHandleProto.$Properties[]|null);

            /** TensorProto variantVal */
            variantVal?: (tensorboard.VariantTensorDataProto.$Properties[]|null);

            /** TensorProto uint32Val */
            uint32Val?: (number[]|null);

            /** TensorProto uint64Val */
            uint64Val?: ((number|Long)[]|null);

            /** TensorProto float8Val */
            float8Val?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorProto. */
        type $Shape = tensorboard.TensorProto.$Properties;
    }

    /**
     * Properties of a VariantTensorDataProto.
     * @deprecated Use tensorboard.VariantTensorDataProto.$Properties instead.
     */
    interface IVariantTensorDataProto extends tensorboard.VariantTensorDataProto.$Properties {
    }

    /** Represents a VariantTensorDataProto. */
    class VariantTensorDataProto {

        /**
         * Constructs a new VariantTensorDataProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.VariantTensorDataProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VariantTensorDataProto typeName. */
        typeName: string;

        /** VariantTensorDataProto metadata. */
        metadata: Uint8Array;

        /** VariantTensorDataProto tensors. */
        tensors: tensorboard.TensorProto.$Properties[];

        /**
         * Encodes the specified VariantTensorDataProto message. Does not implicitly {@link tensorboard.VariantTensorDataProto.verify|verify} messages.
         * @param message VariantTensorDataProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.VariantTensorDataProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VariantTensorDataProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.VariantTensorDataProto & tensorboard.VariantTensorDataProto.$Shape} VariantTensorDataProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.VariantTensorDataProto & tensorboard.VariantTensorDataProto.$Shape;

        /**
         * Creates a VariantTensorDataProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns VariantTensorDataProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.VariantTensorDataProto;

        /**
         * Creates a plain object from a VariantTensorDataProto message. Also converts values to other types if specified.
         * @param message VariantTensorDataProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.VariantTensorDataProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this VariantTensorDataProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace VariantTensorDataProto {

        /** Properties of a VariantTensorDataProto. */
        interface $Properties {

            /** VariantTensorDataProto typeName */
            typeName?: (string|null);

            /** VariantTensorDataProto metadata */
            metadata?: (Uint8Array|null);

            /** VariantTensorDataProto tensors */
            tensors?: (tensorboard.TensorProto.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VariantTensorDataProto. */
        type $Shape = tensorboard.VariantTensorDataProto.$Properties;
    }

    /**
     * Properties of a ResourceHandleProto.
     * @deprecated Use tensorboard.ResourceHandleProto.$Properties instead.
     */
    interface IResourceHandleProto extends tensorboard.ResourceHandleProto.$Properties {
    }

    /** Represents a ResourceHandleProto. */
    class ResourceHandleProto {

        /**
         * Constructs a new ResourceHandleProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.ResourceHandleProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResourceHandleProto device. */
        device: string;

        /** ResourceHandleProto container. */
        container: string;

        /** ResourceHandleProto name. */
        name: string;

        /** ResourceHandleProto hashCode. */
        hashCode: (number|Long);

        /** ResourceHandleProto maybeTypeName. */
        maybeTypeName: string;

        /** ResourceHandleProto dtypesAndShapes. */
        dtypesAndShapes: tensorboard.ResourceHandleProto.DtypeAndShape.$Properties[];

        /**
         * Encodes the specified ResourceHandleProto message. Does not implicitly {@link tensorboard.ResourceHandleProto.verify|verify} messages.
         * @param message ResourceHandleProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.ResourceHandleProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResourceHandleProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.ResourceHandleProto & tensorboard.ResourceHandleProto.$Shape} ResourceHandleProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.ResourceHandleProto & tensorboard.ResourceHandleProto.$Shape;

        /**
         * Creates a ResourceHandleProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ResourceHandleProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.ResourceHandleProto;

        /**
         * Creates a plain object from a ResourceHandleProto message. Also converts values to other types if specified.
         * @param message ResourceHandleProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.ResourceHandleProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResourceHandleProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace ResourceHandleProto {

        /** Properties of a ResourceHandleProto. */
        interface $Properties {

            /** ResourceHandleProto device */
            device?: (string|null);

            /** ResourceHandleProto container */
            container?: (string|null);

            /** ResourceHandleProto name */
            name?: (string|null);

            /** ResourceHandleProto hashCode */
            hashCode?: (number|Long|null);

            /** ResourceHandleProto maybeTypeName */
            maybeTypeName?: (string|null);

            /** ResourceHandleProto dtypesAndShapes */
            dtypesAndShapes?: (tensorboard.ResourceHandleProto.DtypeAndShape.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResourceHandleProto. */
        type $Shape = tensorboard.ResourceHandleProto.$Properties;

        /**
         * Properties of a DtypeAndShape.
         * @deprecated Use tensorboard.ResourceHandleProto.DtypeAndShape.$Properties instead.
         */
        interface IDtypeAndShape extends tensorboard.ResourceHandleProto.DtypeAndShape.$Properties {
        }

        /** Represents a DtypeAndShape. */
        class DtypeAndShape {

            /**
             * Constructs a new DtypeAndShape.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.ResourceHandleProto.DtypeAndShape.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DtypeAndShape dtype. */
            dtype: tensorboard.DataType;

            /** DtypeAndShape shape. */
            shape?: (tensorboard.TensorShapeProto.$Properties|null);

            /**
             * Encodes the specified DtypeAndShape message. Does not implicitly {@link tensorboard.ResourceHandleProto.DtypeAndShape.verify|verify} messages.
             * @param message DtypeAndShape message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.ResourceHandleProto.DtypeAndShape.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DtypeAndShape message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.ResourceHandleProto.DtypeAndShape & tensorboard.ResourceHandleProto.DtypeAndShape.$Shape} DtypeAndShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.ResourceHandleProto.DtypeAndShape & tensorboard.ResourceHandleProto.DtypeAndShape.$Shape;

            /**
             * Creates a DtypeAndShape message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DtypeAndShape
             */
            static fromObject(object: { [k: string]: any }): tensorboard.ResourceHandleProto.DtypeAndShape;

            /**
             * Creates a plain object from a DtypeAndShape message. Also converts values to other types if specified.
             * @param message DtypeAndShape
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.ResourceHandleProto.DtypeAndShape, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DtypeAndShape to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace DtypeAndShape {

            /** Properties of a DtypeAndShape. */
            interface $Properties {

                /** DtypeAndShape dtype */
                dtype?: (tensorboard.DataType|null);

                /** DtypeAndShape shape */
                shape?: (tensorboard.TensorShapeProto.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DtypeAndShape. */
            type $Shape = tensorboard.ResourceHandleProto.DtypeAndShape.$Properties;
        }
    }

    /**
     * Properties of a TensorShapeProto.
     * @deprecated Use tensorboard.TensorShapeProto.$Properties instead.
     */
    interface ITensorShapeProto extends tensorboard.TensorShapeProto.$Properties {
    }

    /** Represents a TensorShapeProto. */
    class TensorShapeProto {

        /**
         * Constructs a new TensorShapeProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TensorShapeProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorShapeProto dim. */
        dim: tensorboard.TensorShapeProto.Dim.$Properties[];

        /** TensorShapeProto unknownRank. */
        unknownRank: boolean;

        /**
         * Encodes the specified TensorShapeProto message. Does not implicitly {@link tensorboard.TensorShapeProto.verify|verify} messages.
         * @param message TensorShapeProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.TensorShapeProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape;

        /**
         * Creates a TensorShapeProto message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TensorShapeProto
         */
        static fromObject(object: { [k: string]: any }): tensorboard.TensorShapeProto;

        /**
         * Creates a plain object from a TensorShapeProto message. Also converts values to other types if specified.
         * @param message TensorShapeProto
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.TensorShapeProto, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TensorShapeProto to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace TensorShapeProto {

        /** Properties of a TensorShapeProto. */
        interface $Properties {

            /** TensorShapeProto dim */
            dim?: (tensorboard.TensorShapeProto.Dim.$Properties[]|null);

            /** TensorShapeProto unknownRank */
            unknownRank?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorShapeProto. */
        type $Shape = tensorboard.TensorShapeProto.$Properties;

        /**
         * Properties of a Dim.
         * @deprecated Use tensorboard.TensorShapeProto.Dim.$Properties instead.
         */
        interface IDim extends tensorboard.TensorShapeProto.Dim.$Properties {
        }

        /** Represents a Dim. */
        class Dim {

            /**
             * Constructs a new Dim.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.TensorShapeProto.Dim.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dim size. */
            size: (number|Long);

            /** Dim name. */
            name: string;

            /**
             * Encodes the specified Dim message. Does not implicitly {@link tensorboard.TensorShapeProto.Dim.verify|verify} messages.
             * @param message Dim message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.TensorShapeProto.Dim.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape;

            /**
             * Creates a Dim message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Dim
             */
            static fromObject(object: { [k: string]: any }): tensorboard.TensorShapeProto.Dim;

            /**
             * Creates a plain object from a Dim message. Also converts values to other types if specified.
             * @param message Dim
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.TensorShapeProto.Dim, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Dim to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Dim {

            /** Properties of a Dim. */
            interface $Properties {

                /** Dim size */
                size?: (number|Long|null);

                /** Dim name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Dim. */
            type $Shape = tensorboard.TensorShapeProto.Dim.$Properties;
        }
    }

    /** DataType enum. */
    enum DataType {

        /** DT_INVALID value */
        DT_INVALID = 0,

        /** DT_FLOAT value */
        DT_FLOAT = 1,

        /** DT_DOUBLE value */
        DT_DOUBLE = 2,

        /** DT_INT32 value */
        DT_INT32 = 3,

        /** DT_UINT8 value */
        DT_UINT8 = 4,

        /** DT_INT16 value */
        DT_INT16 = 5,

        /** DT_INT8 value */
        DT_INT8 = 6,

        /** DT_STRING value */
        DT_STRING = 7,

        /** DT_COMPLEX64 value */
        DT_COMPLEX64 = 8,

        /** DT_INT64 value */
        DT_INT64 = 9,

        /** DT_BOOL value */
        DT_BOOL = 10,

        /** DT_QINT8 value */
        DT_QINT8 = 11,

        /** DT_QUINT8 value */
        DT_QUINT8 = 12,

        /** DT_QINT32 value */
        DT_QINT32 = 13,

        /** DT_BFLOAT16 value */
        DT_BFLOAT16 = 14,

        /** DT_QINT16 value */
        DT_QINT16 = 15,

        /** DT_QUINT16 value */
        DT_QUINT16 = 16,

        /** DT_UINT16 value */
        DT_UINT16 = 17,

        /** DT_COMPLEX128 value */
        DT_COMPLEX128 = 18,

        /** DT_HALF value */
        DT_HALF = 19,

        /** DT_RESOURCE value */
        DT_RESOURCE = 20,

        /** DT_VARIANT value */
        DT_VARIANT = 21,

        /** DT_UINT32 value */
        DT_UINT32 = 22,

        /** DT_UINT64 value */
        DT_UINT64 = 23,

        /** DT_FLOAT8_E5M2 value */
        DT_FLOAT8_E5M2 = 24,

        /** DT_FLOAT8_E4M3FN value */
        DT_FLOAT8_E4M3FN = 25,

        /** DT_FLOAT8_E4M3FNUZ value */
        DT_FLOAT8_E4M3FNUZ = 26,

        /** DT_FLOAT8_E4M3B11FNUZ value */
        DT_FLOAT8_E4M3B11FNUZ = 27,

        /** DT_FLOAT8_E5M2FNUZ value */
        DT_FLOAT8_E5M2FNUZ = 28,

        /** DT_INT4 value */
        DT_INT4 = 29,

        /** DT_UINT4 value */
        DT_UINT4 = 30,

        /** DT_INT2 value */
        DT_INT2 = 31,

        /** DT_UINT2 value */
        DT_UINT2 = 32,

        /** DT_FLOAT4_E2M1FN value */
        DT_FLOAT4_E2M1FN = 33,

        /** DT_FLOAT_REF value */
        DT_FLOAT_REF = 101,

        /** DT_DOUBLE_REF value */
        DT_DOUBLE_REF = 102,

        /** DT_INT32_REF value */
        DT_INT32_REF = 103,

        /** DT_UINT8_REF value */
        DT_UINT8_REF = 104,

        /** DT_INT16_REF value */
        DT_INT16_REF = 105,

        /** DT_INT8_REF value */
        DT_INT8_REF = 106,

        /** DT_STRING_REF value */
        DT_STRING_REF = 107,

        /** DT_COMPLEX64_REF value */
        DT_COMPLEX64_REF = 108,

        /** DT_INT64_REF value */
        DT_INT64_REF = 109,

        /** DT_BOOL_REF value */
        DT_BOOL_REF = 110,

        /** DT_QINT8_REF value */
        DT_QINT8_REF = 111,

        /** DT_QUINT8_REF value */
        DT_QUINT8_REF = 112,

        /** DT_QINT32_REF value */
        DT_QINT32_REF = 113,

        /** DT_BFLOAT16_REF value */
        DT_BFLOAT16_REF = 114,

        /** DT_QINT16_REF value */
        DT_QINT16_REF = 115,

        /** DT_QUINT16_REF value */
        DT_QUINT16_REF = 116,

        /** DT_UINT16_REF value */
        DT_UINT16_REF = 117,

        /** DT_COMPLEX128_REF value */
        DT_COMPLEX128_REF = 118,

        /** DT_HALF_REF value */
        DT_HALF_REF = 119,

        /** DT_RESOURCE_REF value */
        DT_RESOURCE_REF = 120,

        /** DT_VARIANT_REF value */
        DT_VARIANT_REF = 121,

        /** DT_UINT32_REF value */
        DT_UINT32_REF = 122,

        /** DT_UINT64_REF value */
        DT_UINT64_REF = 123,

        /** DT_FLOAT8_E5M2_REF value */
        DT_FLOAT8_E5M2_REF = 124,

        /** DT_FLOAT8_E4M3FN_REF value */
        DT_FLOAT8_E4M3FN_REF = 125,

        /** DT_FLOAT8_E4M3FNUZ_REF value */
        DT_FLOAT8_E4M3FNUZ_REF = 126,

        /** DT_FLOAT8_E4M3B11FNUZ_REF value */
        DT_FLOAT8_E4M3B11FNUZ_REF = 127,

        /** DT_FLOAT8_E5M2FNUZ_REF value */
        DT_FLOAT8_E5M2FNUZ_REF = 128,

        /** DT_INT4_REF value */
        DT_INT4_REF = 129,

        /** DT_UINT4_REF value */
        DT_UINT4_REF = 130,

        /** DT_INT2_REF value */
        DT_INT2_REF = 131,

        /** DT_UINT2_REF value */
        DT_UINT2_REF = 132,

        /** DT_FLOAT4_E2M1FN_REF value */
        DT_FLOAT4_E2M1FN_REF = 133
    }

    /**
     * Properties of a SerializedDType.
     * @deprecated Use tensorboard.SerializedDType.$Properties instead.
     */
    interface ISerializedDType extends tensorboard.SerializedDType.$Properties {
    }

    /** Represents a SerializedDType. */
    class SerializedDType {

        /**
         * Constructs a new SerializedDType.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SerializedDType.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SerializedDType datatype. */
        datatype: tensorboard.DataType;

        /**
         * Encodes the specified SerializedDType message. Does not implicitly {@link tensorboard.SerializedDType.verify|verify} messages.
         * @param message SerializedDType message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SerializedDType.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SerializedDType message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SerializedDType & tensorboard.SerializedDType.$Shape} SerializedDType
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SerializedDType & tensorboard.SerializedDType.$Shape;

        /**
         * Creates a SerializedDType message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SerializedDType
         */
        static fromObject(object: { [k: string]: any }): tensorboard.SerializedDType;

        /**
         * Creates a plain object from a SerializedDType message. Also converts values to other types if specified.
         * @param message SerializedDType
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: tensorboard.SerializedDType, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SerializedDType to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };
    }

    namespace SerializedDType {

        /** Properties of a SerializedDType. */
        interface $Properties {

            /** SerializedDType datatype */
            datatype?: (tensorboard.DataType|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SerializedDType. */
        type $Shape = tensorboard.SerializedDType.$Properties;
    }

    /** Namespace hparams. */
    namespace hparams {

        /**
         * Properties of a HParamsPluginData.
         * @deprecated Use tensorboard.hparams.HParamsPluginData.$Properties instead.
         */
        interface IHParamsPluginData extends tensorboard.hparams.HParamsPluginData.$Properties {
        }

        /** Represents a HParamsPluginData. */
        class HParamsPluginData {

            /**
             * Constructs a new HParamsPluginData.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.HParamsPluginData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HParamsPluginData version. */
            version: number;

            /** HParamsPluginData experiment. */
            experiment?: (tensorboard.hparams.Experiment.$Properties|null);

            /** HParamsPluginData sessionStartInfo. */
            sessionStartInfo?: (tensorboard.hparams.SessionStartInfo.$Properties|null);

            /** HParamsPluginData sessionEndInfo. */
            sessionEndInfo?: (tensorboard.hparams.SessionEndInfo.$Properties|null);

            /** HParamsPluginData data. */
            data?: ("experiment"|"sessionStartInfo"|"sessionEndInfo");

            /**
             * Encodes the specified HParamsPluginData message. Does not implicitly {@link tensorboard.hparams.HParamsPluginData.verify|verify} messages.
             * @param message HParamsPluginData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.HParamsPluginData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HParamsPluginData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.HParamsPluginData & tensorboard.hparams.HParamsPluginData.$Shape} HParamsPluginData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.HParamsPluginData & tensorboard.hparams.HParamsPluginData.$Shape;

            /**
             * Creates a HParamsPluginData message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HParamsPluginData
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.HParamsPluginData;

            /**
             * Creates a plain object from a HParamsPluginData message. Also converts values to other types if specified.
             * @param message HParamsPluginData
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.HParamsPluginData, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HParamsPluginData to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HParamsPluginData {

            /** Properties of a HParamsPluginData. */
            interface $Properties {

                /** HParamsPluginData version */
                version?: (number|null);

                /** HParamsPluginData experiment */
                experiment?: (tensorboard.hparams.Experiment.$Properties|null);

                /** HParamsPluginData sessionStartInfo */
                sessionStartInfo?: (tensorboard.hparams.SessionStartInfo.$Properties|null);

                /** HParamsPluginData sessionEndInfo */
                sessionEndInfo?: (tensorboard.hparams.SessionEndInfo.$Properties|null);

                /** HParamsPluginData data */
                data?: ("experiment"|"sessionStartInfo"|"sessionEndInfo");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a HParamsPluginData. */
            type $Shape = {
              version?: number|null;
              experiment?: tensorboard.hparams.Experiment.$Shape|null;
              sessionStartInfo?: tensorboard.hparams.SessionStartInfo.$Shape|null;
              sessionEndInfo?: tensorboard.hparams.SessionEndInfo.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ data?: undefined; experiment?: null; sessionStartInfo?: null; sessionEndInfo?: null }|{ data?: "experiment"; experiment: tensorboard.hparams.Experiment.$Shape; sessionStartInfo?: null; sessionEndInfo?: null }|{ data?: "sessionStartInfo"; experiment?: null; sessionStartInfo: tensorboard.hparams.SessionStartInfo.$Shape; sessionEndInfo?: null }|{ data?: "sessionEndInfo"; experiment?: null; sessionStartInfo?: null; sessionEndInfo: tensorboard.hparams.SessionEndInfo.$Shape })
            );
        }

        /**
         * Properties of a SessionStartInfo.
         * @deprecated Use tensorboard.hparams.SessionStartInfo.$Properties instead.
         */
        interface ISessionStartInfo extends tensorboard.hparams.SessionStartInfo.$Properties {
        }

        /** Represents a SessionStartInfo. */
        class SessionStartInfo {

            /**
             * Constructs a new SessionStartInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.SessionStartInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionStartInfo hparams. */
            hparams: { [k: string]: google.protobuf.Value.$Properties };

            /** SessionStartInfo modelUri. */
            modelUri: string;

            /** SessionStartInfo monitorUrl. */
            monitorUrl: string;

            /** SessionStartInfo groupName. */
            groupName: string;

            /** SessionStartInfo startTimeSecs. */
            startTimeSecs: number;

            /**
             * Encodes the specified SessionStartInfo message. Does not implicitly {@link tensorboard.hparams.SessionStartInfo.verify|verify} messages.
             * @param message SessionStartInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.SessionStartInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionStartInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.SessionStartInfo & tensorboard.hparams.SessionStartInfo.$Shape} SessionStartInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.SessionStartInfo & tensorboard.hparams.SessionStartInfo.$Shape;

            /**
             * Creates a SessionStartInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SessionStartInfo
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.SessionStartInfo;

            /**
             * Creates a plain object from a SessionStartInfo message. Also converts values to other types if specified.
             * @param message SessionStartInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.SessionStartInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SessionStartInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SessionStartInfo {

            /** Properties of a SessionStartInfo. */
            interface $Properties {

                /** SessionStartInfo hparams */
                hparams?: ({ [k: string]: google.protobuf.Value.$Properties }|null);

                /** SessionStartInfo modelUri */
                modelUri?: (string|null);

                /** SessionStartInfo monitorUrl */
                monitorUrl?: (string|null);

                /** SessionStartInfo groupName */
                groupName?: (string|null);

                /** SessionStartInfo startTimeSecs */
                startTimeSecs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SessionStartInfo. */
            type $Shape = {
              hparams?: { [k: string]: google.protobuf.Value.$Shape }|null;
              modelUri?: string|null;
              monitorUrl?: string|null;
              groupName?: string|null;
              startTimeSecs?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a SessionEndInfo.
         * @deprecated Use tensorboard.hparams.SessionEndInfo.$Properties instead.
         */
        interface ISessionEndInfo extends tensorboard.hparams.SessionEndInfo.$Properties {
        }

        /** Represents a SessionEndInfo. */
        class SessionEndInfo {

            /**
             * Constructs a new SessionEndInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.SessionEndInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionEndInfo status. */
            status: tensorboard.hparams.Status;

            /** SessionEndInfo endTimeSecs. */
            endTimeSecs: number;

            /**
             * Encodes the specified SessionEndInfo message. Does not implicitly {@link tensorboard.hparams.SessionEndInfo.verify|verify} messages.
             * @param message SessionEndInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.SessionEndInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionEndInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.SessionEndInfo & tensorboard.hparams.SessionEndInfo.$Shape} SessionEndInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.SessionEndInfo & tensorboard.hparams.SessionEndInfo.$Shape;

            /**
             * Creates a SessionEndInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SessionEndInfo
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.SessionEndInfo;

            /**
             * Creates a plain object from a SessionEndInfo message. Also converts values to other types if specified.
             * @param message SessionEndInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.SessionEndInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SessionEndInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SessionEndInfo {

            /** Properties of a SessionEndInfo. */
            interface $Properties {

                /** SessionEndInfo status */
                status?: (tensorboard.hparams.Status|null);

                /** SessionEndInfo endTimeSecs */
                endTimeSecs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SessionEndInfo. */
            type $Shape = tensorboard.hparams.SessionEndInfo.$Properties;
        }

        /**
         * Properties of an Experiment.
         * @deprecated Use tensorboard.hparams.Experiment.$Properties instead.
         */
        interface IExperiment extends tensorboard.hparams.Experiment.$Properties {
        }

        /** Represents an Experiment. */
        class Experiment {

            /**
             * Constructs a new Experiment.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.Experiment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Experiment name. */
            name: string;

            /** Experiment description. */
            description: string;

            /** Experiment user. */
            user: string;

            /** Experiment timeCreatedSecs. */
            timeCreatedSecs: number;

            /** Experiment hparamInfos. */
            hparamInfos: tensorboard.hparams.HParamInfo.$Properties[];

            /** Experiment metricInfos. */
            metricInfos: tensorboard.hparams.MetricInfo.$Properties[];

            /**
             * Encodes the specified Experiment message. Does not implicitly {@link tensorboard.hparams.Experiment.verify|verify} messages.
             * @param message Experiment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.Experiment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Experiment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.Experiment & tensorboard.hparams.Experiment.$Shape} Experiment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.Experiment & tensorboard.hparams.Experiment.$Shape;

            /**
             * Creates an Experiment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Experiment
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.Experiment;

            /**
             * Creates a plain object from an Experiment message. Also converts values to other types if specified.
             * @param message Experiment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.Experiment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Experiment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Experiment {

            /** Properties of an Experiment. */
            interface $Properties {

                /** Experiment name */
                name?: (string|null);

                /** Experiment description */
                description?: (string|null);

                /** Experiment user */
                user?: (string|null);

                /** Experiment timeCreatedSecs */
                timeCreatedSecs?: (number|null);

                /** Experiment hparamInfos */
                hparamInfos?: (tensorboard.hparams.HParamInfo.$Properties[]|null);

                /** Experiment metricInfos */
                metricInfos?: (tensorboard.hparams.MetricInfo.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Experiment. */
            type $Shape = {
              name?: string|null;
              description?: string|null;
              user?: string|null;
              timeCreatedSecs?: number|null;
              hparamInfos?: tensorboard.hparams.HParamInfo.$Shape[]|null;
              metricInfos?: tensorboard.hparams.MetricInfo.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a HParamInfo.
         * @deprecated Use tensorboard.hparams.HParamInfo.$Properties instead.
         */
        interface IHParamInfo extends tensorboard.hparams.HParamInfo.$Properties {
        }

        /** Represents a HParamInfo. */
        class HParamInfo {

            /**
             * Constructs a new HParamInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.HParamInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HParamInfo name. */
            name: string;

            /** HParamInfo displayName. */
            displayName: string;

            /** HParamInfo description. */
            description: string;

            /** HParamInfo type. */
            type: tensorboard.hparams.DataType;

            /** HParamInfo domainDiscrete. */
            domainDiscrete?: (google.protobuf.ListValue.$Properties|null);

            /** HParamInfo domainInterval. */
            domainInterval?: (tensorboard.hparams.Interval.$Properties|null);

            /** HParamInfo differs. */
            differs: boolean;

            /** HParamInfo domain. */
            domain?: ("domainDiscrete"|"domainInterval");

            /**
             * Encodes the specified HParamInfo message. Does not implicitly {@link tensorboard.hparams.HParamInfo.verify|verify} messages.
             * @param message HParamInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.HParamInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HParamInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.HParamInfo & tensorboard.hparams.HParamInfo.$Shape} HParamInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.HParamInfo & tensorboard.hparams.HParamInfo.$Shape;

            /**
             * Creates a HParamInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HParamInfo
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.HParamInfo;

            /**
             * Creates a plain object from a HParamInfo message. Also converts values to other types if specified.
             * @param message HParamInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.HParamInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HParamInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HParamInfo {

            /** Properties of a HParamInfo. */
            interface $Properties {

                /** HParamInfo name */
                name?: (string|null);

                /** HParamInfo displayName */
                displayName?: (string|null);

                /** HParamInfo description */
                description?: (string|null);

                /** HParamInfo type */
                type?: (tensorboard.hparams.DataType|null);

                /** HParamInfo domainDiscrete */
                domainDiscrete?: (google.protobuf.ListValue.$Properties|null);

                /** HParamInfo domainInterval */
                domainInterval?: (tensorboard.hparams.Interval.$Properties|null);

                /** HParamInfo differs */
                differs?: (boolean|null);

                /** HParamInfo domain */
                domain?: ("domainDiscrete"|"domainInterval");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a HParamInfo. */
            type $Shape = {
              name?: string|null;
              displayName?: string|null;
              description?: string|null;
              type?: tensorboard.hparams.DataType|null;
              domainDiscrete?: google.protobuf.ListValue.$Shape|null;
              domainInterval?: tensorboard.hparams.Interval.$Shape|null;
              differs?: boolean|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ domain?: undefined; domainDiscrete?: null; domainInterval?: null }|{ domain?: "domainDiscrete"; domainDiscrete: google.protobuf.ListValue.$Shape; domainInterval?: null }|{ domain?: "domainInterval"; domainDiscrete?: null; domainInterval: tensorboard.hparams.Interval.$Shape })
            );
        }

        /** DataType enum. */
        enum DataType {

            /** DATA_TYPE_UNSET value */
            DATA_TYPE_UNSET = 0,

            /** DATA_TYPE_STRING value */
            DATA_TYPE_STRING = 1,

            /** DATA_TYPE_BOOL value */
            DATA_TYPE_BOOL = 2,

            /** DATA_TYPE_FLOAT64 value */
            DATA_TYPE_FLOAT64 = 3
        }

        /**
         * Properties of an Interval.
         * @deprecated Use tensorboard.hparams.Interval.$Properties instead.
         */
        interface IInterval extends tensorboard.hparams.Interval.$Properties {
        }

        /** Represents an Interval. */
        class Interval {

            /**
             * Constructs a new Interval.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.Interval.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Interval minValue. */
            minValue: number;

            /** Interval maxValue. */
            maxValue: number;

            /**
             * Encodes the specified Interval message. Does not implicitly {@link tensorboard.hparams.Interval.verify|verify} messages.
             * @param message Interval message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.Interval.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Interval message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.Interval & tensorboard.hparams.Interval.$Shape} Interval
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.Interval & tensorboard.hparams.Interval.$Shape;

            /**
             * Creates an Interval message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Interval
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.Interval;

            /**
             * Creates a plain object from an Interval message. Also converts values to other types if specified.
             * @param message Interval
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.Interval, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Interval to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Interval {

            /** Properties of an Interval. */
            interface $Properties {

                /** Interval minValue */
                minValue?: (number|null);

                /** Interval maxValue */
                maxValue?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Interval. */
            type $Shape = tensorboard.hparams.Interval.$Properties;
        }

        /**
         * Properties of a MetricName.
         * @deprecated Use tensorboard.hparams.MetricName.$Properties instead.
         */
        interface IMetricName extends tensorboard.hparams.MetricName.$Properties {
        }

        /** Represents a MetricName. */
        class MetricName {

            /**
             * Constructs a new MetricName.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.MetricName.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricName group. */
            group: string;

            /** MetricName tag. */
            tag: string;

            /**
             * Encodes the specified MetricName message. Does not implicitly {@link tensorboard.hparams.MetricName.verify|verify} messages.
             * @param message MetricName message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.MetricName.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricName message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.MetricName & tensorboard.hparams.MetricName.$Shape} MetricName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.MetricName & tensorboard.hparams.MetricName.$Shape;

            /**
             * Creates a MetricName message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MetricName
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.MetricName;

            /**
             * Creates a plain object from a MetricName message. Also converts values to other types if specified.
             * @param message MetricName
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.MetricName, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetricName to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MetricName {

            /** Properties of a MetricName. */
            interface $Properties {

                /** MetricName group */
                group?: (string|null);

                /** MetricName tag */
                tag?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricName. */
            type $Shape = tensorboard.hparams.MetricName.$Properties;
        }

        /**
         * Properties of a MetricInfo.
         * @deprecated Use tensorboard.hparams.MetricInfo.$Properties instead.
         */
        interface IMetricInfo extends tensorboard.hparams.MetricInfo.$Properties {
        }

        /** Represents a MetricInfo. */
        class MetricInfo {

            /**
             * Constructs a new MetricInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.MetricInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricInfo name. */
            name?: (tensorboard.hparams.MetricName.$Properties|null);

            /** MetricInfo displayName. */
            displayName: string;

            /** MetricInfo description. */
            description: string;

            /** MetricInfo datasetType. */
            datasetType: tensorboard.hparams.DatasetType;

            /**
             * Encodes the specified MetricInfo message. Does not implicitly {@link tensorboard.hparams.MetricInfo.verify|verify} messages.
             * @param message MetricInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.MetricInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.MetricInfo & tensorboard.hparams.MetricInfo.$Shape} MetricInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.MetricInfo & tensorboard.hparams.MetricInfo.$Shape;

            /**
             * Creates a MetricInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MetricInfo
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.MetricInfo;

            /**
             * Creates a plain object from a MetricInfo message. Also converts values to other types if specified.
             * @param message MetricInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.MetricInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetricInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MetricInfo {

            /** Properties of a MetricInfo. */
            interface $Properties {

                /** MetricInfo name */
                name?: (tensorboard.hparams.MetricName.$Properties|null);

                /** MetricInfo displayName */
                displayName?: (string|null);

                /** MetricInfo description */
                description?: (string|null);

                /** MetricInfo datasetType */
                datasetType?: (tensorboard.hparams.DatasetType|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricInfo. */
            type $Shape = tensorboard.hparams.MetricInfo.$Properties;
        }

        /** DatasetType enum. */
        enum DatasetType {

            /** DATASET_UNKNOWN value */
            DATASET_UNKNOWN = 0,

            /** DATASET_TRAINING value */
            DATASET_TRAINING = 1,

            /** DATASET_VALIDATION value */
            DATASET_VALIDATION = 2
        }

        /**
         * Properties of a SessionGroup.
         * @deprecated Use tensorboard.hparams.SessionGroup.$Properties instead.
         */
        interface ISessionGroup extends tensorboard.hparams.SessionGroup.$Properties {
        }

        /** Represents a SessionGroup. */
        class SessionGroup {

            /**
             * Constructs a new SessionGroup.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.SessionGroup.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionGroup name. */
            name: string;

            /** SessionGroup hparams. */
            hparams: { [k: string]: google.protobuf.Value.$Properties };

            /** SessionGroup metricValues. */
            metricValues: tensorboard.hparams.MetricValue.$Properties[];

            /** SessionGroup sessions. */
            sessions: tensorboard.hparams.Session.$Properties[];

            /** SessionGroup monitorUrl. */
            monitorUrl: string;

            /**
             * Encodes the specified SessionGroup message. Does not implicitly {@link tensorboard.hparams.SessionGroup.verify|verify} messages.
             * @param message SessionGroup message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.SessionGroup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionGroup message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.SessionGroup & tensorboard.hparams.SessionGroup.$Shape} SessionGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.SessionGroup & tensorboard.hparams.SessionGroup.$Shape;

            /**
             * Creates a SessionGroup message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SessionGroup
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.SessionGroup;

            /**
             * Creates a plain object from a SessionGroup message. Also converts values to other types if specified.
             * @param message SessionGroup
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.SessionGroup, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SessionGroup to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SessionGroup {

            /** Properties of a SessionGroup. */
            interface $Properties {

                /** SessionGroup name */
                name?: (string|null);

                /** SessionGroup hparams */
                hparams?: ({ [k: string]: google.protobuf.Value.$Properties }|null);

                /** SessionGroup metricValues */
                metricValues?: (tensorboard.hparams.MetricValue.$Properties[]|null);

                /** SessionGroup sessions */
                sessions?: (tensorboard.hparams.Session.$Properties[]|null);

                /** SessionGroup monitorUrl */
                monitorUrl?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SessionGroup. */
            type $Shape = {
              name?: string|null;
              hparams?: { [k: string]: google.protobuf.Value.$Shape }|null;
              metricValues?: tensorboard.hparams.MetricValue.$Shape[]|null;
              sessions?: tensorboard.hparams.Session.$Shape[]|null;
              monitorUrl?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a MetricValue.
         * @deprecated Use tensorboard.hparams.MetricValue.$Properties instead.
         */
        interface IMetricValue extends tensorboard.hparams.MetricValue.$Properties {
        }

        /** Represents a MetricValue. */
        class MetricValue {

            /**
             * Constructs a new MetricValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.MetricValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricValue name. */
            name?: (tensorboard.hparams.MetricName.$Properties|null);

            /** MetricValue value. */
            value: number;

            /** MetricValue trainingStep. */
            trainingStep: number;

            /** MetricValue wallTimeSecs. */
            wallTimeSecs: number;

            /**
             * Encodes the specified MetricValue message. Does not implicitly {@link tensorboard.hparams.MetricValue.verify|verify} messages.
             * @param message MetricValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.MetricValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.MetricValue & tensorboard.hparams.MetricValue.$Shape} MetricValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.MetricValue & tensorboard.hparams.MetricValue.$Shape;

            /**
             * Creates a MetricValue message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MetricValue
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.MetricValue;

            /**
             * Creates a plain object from a MetricValue message. Also converts values to other types if specified.
             * @param message MetricValue
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.MetricValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetricValue to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MetricValue {

            /** Properties of a MetricValue. */
            interface $Properties {

                /** MetricValue name */
                name?: (tensorboard.hparams.MetricName.$Properties|null);

                /** MetricValue value */
                value?: (number|null);

                /** MetricValue trainingStep */
                trainingStep?: (number|null);

                /** MetricValue wallTimeSecs */
                wallTimeSecs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricValue. */
            type $Shape = tensorboard.hparams.MetricValue.$Properties;
        }

        /**
         * Properties of a Session.
         * @deprecated Use tensorboard.hparams.Session.$Properties instead.
         */
        interface ISession extends tensorboard.hparams.Session.$Properties {
        }

        /** Represents a Session. */
        class Session {

            /**
             * Constructs a new Session.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.Session.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Session name. */
            name: string;

            /** Session startTimeSecs. */
            startTimeSecs: number;

            /** Session endTimeSecs. */
            endTimeSecs: number;

            /** Session status. */
            status: tensorboard.hparams.Status;

            /** Session modelUri. */
            modelUri: string;

            /** Session metricValues. */
            metricValues: tensorboard.hparams.MetricValue.$Properties[];

            /** Session monitorUrl. */
            monitorUrl: string;

            /**
             * Encodes the specified Session message. Does not implicitly {@link tensorboard.hparams.Session.verify|verify} messages.
             * @param message Session message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.Session.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Session message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.Session & tensorboard.hparams.Session.$Shape} Session
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.Session & tensorboard.hparams.Session.$Shape;

            /**
             * Creates a Session message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Session
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.Session;

            /**
             * Creates a plain object from a Session message. Also converts values to other types if specified.
             * @param message Session
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.Session, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Session to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Session {

            /** Properties of a Session. */
            interface $Properties {

                /** Session name */
                name?: (string|null);

                /** Session startTimeSecs */
                startTimeSecs?: (number|null);

                /** Session endTimeSecs */
                endTimeSecs?: (number|null);

                /** Session status */
                status?: (tensorboard.hparams.Status|null);

                /** Session modelUri */
                modelUri?: (string|null);

                /** Session metricValues */
                metricValues?: (tensorboard.hparams.MetricValue.$Properties[]|null);

                /** Session monitorUrl */
                monitorUrl?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Session. */
            type $Shape = tensorboard.hparams.Session.$Properties;
        }

        /** Status enum. */
        enum Status {

            /** STATUS_UNKNOWN value */
            STATUS_UNKNOWN = 0,

            /** STATUS_SUCCESS value */
            STATUS_SUCCESS = 1,

            /** STATUS_FAILURE value */
            STATUS_FAILURE = 2,

            /** STATUS_RUNNING value */
            STATUS_RUNNING = 3
        }

        /**
         * Properties of a GetExperimentRequest.
         * @deprecated Use tensorboard.hparams.GetExperimentRequest.$Properties instead.
         */
        interface IGetExperimentRequest extends tensorboard.hparams.GetExperimentRequest.$Properties {
        }

        /** Represents a GetExperimentRequest. */
        class GetExperimentRequest {

            /**
             * Constructs a new GetExperimentRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.GetExperimentRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GetExperimentRequest experimentName. */
            experimentName: string;

            /** GetExperimentRequest includeMetrics. */
            includeMetrics?: (boolean|null);

            /** GetExperimentRequest hparamsLimit. */
            hparamsLimit?: (number|null);

            /**
             * Encodes the specified GetExperimentRequest message. Does not implicitly {@link tensorboard.hparams.GetExperimentRequest.verify|verify} messages.
             * @param message GetExperimentRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.GetExperimentRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetExperimentRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.GetExperimentRequest & tensorboard.hparams.GetExperimentRequest.$Shape} GetExperimentRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.GetExperimentRequest & tensorboard.hparams.GetExperimentRequest.$Shape;

            /**
             * Creates a GetExperimentRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GetExperimentRequest
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.GetExperimentRequest;

            /**
             * Creates a plain object from a GetExperimentRequest message. Also converts values to other types if specified.
             * @param message GetExperimentRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.GetExperimentRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetExperimentRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace GetExperimentRequest {

            /** Properties of a GetExperimentRequest. */
            interface $Properties {

                /** GetExperimentRequest experimentName */
                experimentName?: (string|null);

                /** GetExperimentRequest includeMetrics */
                includeMetrics?: (boolean|null);

                /** GetExperimentRequest hparamsLimit */
                hparamsLimit?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GetExperimentRequest. */
            type $Shape = tensorboard.hparams.GetExperimentRequest.$Properties;
        }

        /**
         * Properties of a ListSessionGroupsRequest.
         * @deprecated Use tensorboard.hparams.ListSessionGroupsRequest.$Properties instead.
         */
        interface IListSessionGroupsRequest extends tensorboard.hparams.ListSessionGroupsRequest.$Properties {
        }

        /** Represents a ListSessionGroupsRequest. */
        class ListSessionGroupsRequest {

            /**
             * Constructs a new ListSessionGroupsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.ListSessionGroupsRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListSessionGroupsRequest experimentName. */
            experimentName: string;

            /** ListSessionGroupsRequest allowedStatuses. */
            allowedStatuses: tensorboard.hparams.Status[];

            /** ListSessionGroupsRequest colParams. */
            colParams: tensorboard.hparams.ColParams.$Properties[];

            /** ListSessionGroupsRequest aggregationType. */
            aggregationType: tensorboard.hparams.AggregationType;

            /** ListSessionGroupsRequest aggregationMetric. */
            aggregationMetric?: (tensorboard.hparams.MetricName.$Properties|null);

            /** ListSessionGroupsRequest startIndex. */
            startIndex: number;

            /** ListSessionGroupsRequest sliceSize. */
            sliceSize: number;

            /** ListSessionGroupsRequest includeMetrics. */
            includeMetrics?: (boolean|null);

            /**
             * Encodes the specified ListSessionGroupsRequest message. Does not implicitly {@link tensorboard.hparams.ListSessionGroupsRequest.verify|verify} messages.
             * @param message ListSessionGroupsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.ListSessionGroupsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListSessionGroupsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.ListSessionGroupsRequest & tensorboard.hparams.ListSessionGroupsRequest.$Shape} ListSessionGroupsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.ListSessionGroupsRequest & tensorboard.hparams.ListSessionGroupsRequest.$Shape;

            /**
             * Creates a ListSessionGroupsRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListSessionGroupsRequest
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.ListSessionGroupsRequest;

            /**
             * Creates a plain object from a ListSessionGroupsRequest message. Also converts values to other types if specified.
             * @param message ListSessionGroupsRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.ListSessionGroupsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListSessionGroupsRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ListSessionGroupsRequest {

            /** Properties of a ListSessionGroupsRequest. */
            interface $Properties {

                /** ListSessionGroupsRequest experimentName */
                experimentName?: (string|null);

                /** ListSessionGroupsRequest allowedStatuses */
                allowedStatuses?: (tensorboard.hparams.Status[]|null);

                /** ListSessionGroupsRequest colParams */
                colParams?: (tensorboard.hparams.ColParams.$Properties[]|null);

                /** ListSessionGroupsRequest aggregationType */
                aggregationType?: (tensorboard.hparams.AggregationType|null);

                /** ListSessionGroupsRequest aggregationMetric */
                aggregationMetric?: (tensorboard.hparams.MetricName.$Properties|null);

                /** ListSessionGroupsRequest startIndex */
                startIndex?: (number|null);

                /** ListSessionGroupsRequest sliceSize */
                sliceSize?: (number|null);

                /** ListSessionGroupsRequest includeMetrics */
                includeMetrics?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListSessionGroupsRequest. */
            type $Shape = {
              experimentName?: string|null;
              allowedStatuses?: tensorboard.hparams.Status[]|null;
              colParams?: tensorboard.hparams.ColParams.$Shape[]|null;
              aggregationType?: tensorboard.hparams.AggregationType|null;
              aggregationMetric?: tensorboard.hparams.MetricName.$Shape|null;
              startIndex?: number|null;
              sliceSize?: number|null;
              includeMetrics?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ColParams.
         * @deprecated Use tensorboard.hparams.ColParams.$Properties instead.
         */
        interface IColParams extends tensorboard.hparams.ColParams.$Properties {
        }

        /** Represents a ColParams. */
        class ColParams {

            /**
             * Constructs a new ColParams.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.ColParams.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ColParams metric. */
            metric?: (tensorboard.hparams.MetricName.$Properties|null);

            /** ColParams hparam. */
            hparam?: (string|null);

            /** ColParams order. */
            order: tensorboard.hparams.SortOrder;

            /** ColParams missingValuesFirst. */
            missingValuesFirst: boolean;

            /** ColParams filterRegexp. */
            filterRegexp?: (string|null);

            /** ColParams filterInterval. */
            filterInterval?: (tensorboard.hparams.Interval.$Properties|null);

            /** ColParams filterDiscrete. */
            filterDiscrete?: (google.protobuf.ListValue.$Properties|null);

            /** ColParams excludeMissingValues. */
            excludeMissingValues: boolean;

            /** ColParams includeInResult. */
            includeInResult?: (boolean|null);

            /** ColParams name. */
            name?: ("metric"|"hparam");

            /** ColParams filter. */
            filter?: ("filterRegexp"|"filterInterval"|"filterDiscrete");

            /**
             * Encodes the specified ColParams message. Does not implicitly {@link tensorboard.hparams.ColParams.verify|verify} messages.
             * @param message ColParams message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.ColParams.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ColParams message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.ColParams & tensorboard.hparams.ColParams.$Shape} ColParams
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.ColParams & tensorboard.hparams.ColParams.$Shape;

            /**
             * Creates a ColParams message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ColParams
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.ColParams;

            /**
             * Creates a plain object from a ColParams message. Also converts values to other types if specified.
             * @param message ColParams
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.ColParams, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ColParams to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ColParams {

            /** Properties of a ColParams. */
            interface $Properties {

                /** ColParams metric */
                metric?: (tensorboard.hparams.MetricName.$Properties|null);

                /** ColParams hparam */
                hparam?: (string|null);

                /** ColParams order */
                order?: (tensorboard.hparams.SortOrder|null);

                /** ColParams missingValuesFirst */
                missingValuesFirst?: (boolean|null);

                /** ColParams filterRegexp */
                filterRegexp?: (string|null);

                /** ColParams filterInterval */
                filterInterval?: (tensorboard.hparams.Interval.$Properties|null);

                /** ColParams filterDiscrete */
                filterDiscrete?: (google.protobuf.ListValue.$Properties|null);

                /** ColParams excludeMissingValues */
                excludeMissingValues?: (boolean|null);

                /** ColParams includeInResult */
                includeInResult?: (boolean|null);

                /** ColParams name */
                name?: ("metric"|"hparam");

                /** ColParams filter */
                filter?: ("filterRegexp"|"filterInterval"|"filterDiscrete");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a ColParams. */
            type $Shape = {
              metric?: tensorboard.hparams.MetricName.$Shape|null;
              hparam?: string|null;
              order?: tensorboard.hparams.SortOrder|null;
              missingValuesFirst?: boolean|null;
              filterRegexp?: string|null;
              filterInterval?: tensorboard.hparams.Interval.$Shape|null;
              filterDiscrete?: google.protobuf.ListValue.$Shape|null;
              excludeMissingValues?: boolean|null;
              includeInResult?: boolean|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ name?: undefined; metric?: null; hparam?: null }|{ name?: "metric"; metric: tensorboard.hparams.MetricName.$Shape; hparam?: null }|{ name?: "hparam"; metric?: null; hparam: string })
            ) & (
              ({ filter?: undefined; filterRegexp?: null; filterInterval?: null; filterDiscrete?: null }|{ filter?: "filterRegexp"; filterRegexp: string; filterInterval?: null; filterDiscrete?: null }|{ filter?: "filterInterval"; filterRegexp?: null; filterInterval: tensorboard.hparams.Interval.$Shape; filterDiscrete?: null }|{ filter?: "filterDiscrete"; filterRegexp?: null; filterInterval?: null; filterDiscrete: google.protobuf.ListValue.$Shape })
            );
        }

        /** SortOrder enum. */
        enum SortOrder {

            /** ORDER_UNSPECIFIED value */
            ORDER_UNSPECIFIED = 0,

            /** ORDER_ASC value */
            ORDER_ASC = 1,

            /** ORDER_DESC value */
            ORDER_DESC = 2
        }

        /** AggregationType enum. */
        enum AggregationType {

            /** AGGREGATION_UNSET value */
            AGGREGATION_UNSET = 0,

            /** AGGREGATION_AVG value */
            AGGREGATION_AVG = 1,

            /** AGGREGATION_MEDIAN value */
            AGGREGATION_MEDIAN = 2,

            /** AGGREGATION_MIN value */
            AGGREGATION_MIN = 3,

            /** AGGREGATION_MAX value */
            AGGREGATION_MAX = 4
        }

        /**
         * Properties of a ListSessionGroupsResponse.
         * @deprecated Use tensorboard.hparams.ListSessionGroupsResponse.$Properties instead.
         */
        interface IListSessionGroupsResponse extends tensorboard.hparams.ListSessionGroupsResponse.$Properties {
        }

        /** Represents a ListSessionGroupsResponse. */
        class ListSessionGroupsResponse {

            /**
             * Constructs a new ListSessionGroupsResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.ListSessionGroupsResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListSessionGroupsResponse sessionGroups. */
            sessionGroups: tensorboard.hparams.SessionGroup.$Properties[];

            /** ListSessionGroupsResponse totalSize. */
            totalSize: number;

            /**
             * Encodes the specified ListSessionGroupsResponse message. Does not implicitly {@link tensorboard.hparams.ListSessionGroupsResponse.verify|verify} messages.
             * @param message ListSessionGroupsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.ListSessionGroupsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListSessionGroupsResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.ListSessionGroupsResponse & tensorboard.hparams.ListSessionGroupsResponse.$Shape} ListSessionGroupsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.ListSessionGroupsResponse & tensorboard.hparams.ListSessionGroupsResponse.$Shape;

            /**
             * Creates a ListSessionGroupsResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListSessionGroupsResponse
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.ListSessionGroupsResponse;

            /**
             * Creates a plain object from a ListSessionGroupsResponse message. Also converts values to other types if specified.
             * @param message ListSessionGroupsResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.ListSessionGroupsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListSessionGroupsResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ListSessionGroupsResponse {

            /** Properties of a ListSessionGroupsResponse. */
            interface $Properties {

                /** ListSessionGroupsResponse sessionGroups */
                sessionGroups?: (tensorboard.hparams.SessionGroup.$Properties[]|null);

                /** ListSessionGroupsResponse totalSize */
                totalSize?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListSessionGroupsResponse. */
            type $Shape = {
              sessionGroups?: tensorboard.hparams.SessionGroup.$Shape[]|null;
              totalSize?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ListMetricEvalsRequest.
         * @deprecated Use tensorboard.hparams.ListMetricEvalsRequest.$Properties instead.
         */
        interface IListMetricEvalsRequest extends tensorboard.hparams.ListMetricEvalsRequest.$Properties {
        }

        /** Represents a ListMetricEvalsRequest. */
        class ListMetricEvalsRequest {

            /**
             * Constructs a new ListMetricEvalsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.ListMetricEvalsRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListMetricEvalsRequest experimentName. */
            experimentName: string;

            /** ListMetricEvalsRequest sessionName. */
            sessionName: string;

            /** ListMetricEvalsRequest metricName. */
            metricName?: (tensorboard.hparams.MetricName.$Properties|null);

            /**
             * Encodes the specified ListMetricEvalsRequest message. Does not implicitly {@link tensorboard.hparams.ListMetricEvalsRequest.verify|verify} messages.
             * @param message ListMetricEvalsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.ListMetricEvalsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListMetricEvalsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.ListMetricEvalsRequest & tensorboard.hparams.ListMetricEvalsRequest.$Shape} ListMetricEvalsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.ListMetricEvalsRequest & tensorboard.hparams.ListMetricEvalsRequest.$Shape;

            /**
             * Creates a ListMetricEvalsRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListMetricEvalsRequest
             */
            static fromObject(object: { [k: string]: any }): tensorboard.hparams.ListMetricEvalsRequest;

            /**
             * Creates a plain object from a ListMetricEvalsRequest message. Also converts values to other types if specified.
             * @param message ListMetricEvalsRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: tensorboard.hparams.ListMetricEvalsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListMetricEvalsRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ListMetricEvalsRequest {

            /** Properties of a ListMetricEvalsRequest. */
            interface $Properties {

                /** ListMetricEvalsRequest experimentName */
                experimentName?: (string|null);

                /** ListMetricEvalsRequest sessionName */
                sessionName?: (string|null);

                /** ListMetricEvalsRequest metricName */
                metricName?: (tensorboard.hparams.MetricName.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListMetricEvalsRequest. */
            type $Shape = tensorboard.hparams.ListMetricEvalsRequest.$Properties;
        }
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a Struct.
         * @deprecated Use google.protobuf.Struct.$Properties instead.
         */
        interface IStruct extends google.protobuf.Struct.$Properties {
        }

        /** Represents a Struct. */
        class Struct {

            /**
             * Constructs a new Struct.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Struct.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Struct fields. */
            fields: { [k: string]: google.protobuf.Value.$Properties };

            /**
             * Encodes the specified Struct message. Does not implicitly {@link google.protobuf.Struct.verify|verify} messages.
             * @param message Struct message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Struct.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Struct message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Struct & google.protobuf.Struct.$Shape} Struct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Struct & google.protobuf.Struct.$Shape;

            /**
             * Creates a Struct message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Struct
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.Struct;

            /**
             * Creates a plain object from a Struct message. Also converts values to other types if specified.
             * @param message Struct
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.Struct, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Struct to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Struct {

            /** Properties of a Struct. */
            interface $Properties {

                /** Struct fields */
                fields?: ({ [k: string]: google.protobuf.Value.$Properties }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Struct. */
            type $Shape = {
              fields?: { [k: string]: google.protobuf.Value.$Shape }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Value.
         * @deprecated Use google.protobuf.Value.$Properties instead.
         */
        interface IValue extends google.protobuf.Value.$Properties {
        }

        /** Represents a Value. */
        class Value {

            /**
             * Constructs a new Value.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Value.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Value nullValue. */
            nullValue?: (google.protobuf.NullValue|null);

            /** Value numberValue. */
            numberValue?: (number|null);

            /** Value stringValue. */
            stringValue?: (string|null);

            /** Value boolValue. */
            boolValue?: (boolean|null);

            /** Value structValue. */
            structValue?: (google.protobuf.Struct.$Properties|null);

            /** Value listValue. */
            listValue?: (google.protobuf.ListValue.$Properties|null);

            /** Value kind. */
            kind?: ("nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue");

            /**
             * Encodes the specified Value message. Does not implicitly {@link google.protobuf.Value.verify|verify} messages.
             * @param message Value message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Value & google.protobuf.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Value & google.protobuf.Value.$Shape;

            /**
             * Creates a Value message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Value
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.Value;

            /**
             * Creates a plain object from a Value message. Also converts values to other types if specified.
             * @param message Value
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.Value, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Value to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Value {

            /** Properties of a Value. */
            interface $Properties {

                /** Value nullValue */
                nullValue?: (google.protobuf.NullValue|null);

                /** Value numberValue */
                numberValue?: (number|null);

                /** Value stringValue */
                stringValue?: (string|null);

                /** Value boolValue */
                boolValue?: (boolean|null);

                /** Value structValue */
                structValue?: (google.protobuf.Struct.$Properties|null);

                /** Value listValue */
                listValue?: (google.protobuf.ListValue.$Properties|null);

                /** Value kind */
                kind?: ("nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Value. */
            type $Shape = {
              nullValue?: google.protobuf.NullValue|null;
              numberValue?: number|null;
              stringValue?: string|null;
              boolValue?: boolean|null;
              structValue?: google.protobuf.Struct.$Shape|null;
              listValue?: google.protobuf.ListValue.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "nullValue"; nullValue: google.protobuf.NullValue; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "numberValue"; nullValue?: null; numberValue: number; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "stringValue"; nullValue?: null; numberValue?: null; stringValue: string; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "boolValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue: boolean; structValue?: null; listValue?: null }|{ kind?: "structValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue: google.protobuf.Struct.$Shape; listValue?: null }|{ kind?: "listValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue: google.protobuf.ListValue.$Shape })
            );
        }

        /** NullValue enum. */
        enum NullValue {

            /** NULL_VALUE value */
            NULL_VALUE = 0
        }

        /**
         * Properties of a ListValue.
         * @deprecated Use google.protobuf.ListValue.$Properties instead.
         */
        interface IListValue extends google.protobuf.ListValue.$Properties {
        }

        /** Represents a ListValue. */
        class ListValue {

            /**
             * Constructs a new ListValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.ListValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListValue values. */
            values: google.protobuf.Value.$Properties[];

            /**
             * Encodes the specified ListValue message. Does not implicitly {@link google.protobuf.ListValue.verify|verify} messages.
             * @param message ListValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.ListValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.ListValue & google.protobuf.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;

            /**
             * Creates a ListValue message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListValue
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.ListValue;

            /**
             * Creates a plain object from a ListValue message. Also converts values to other types if specified.
             * @param message ListValue
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.ListValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListValue to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ListValue {

            /** Properties of a ListValue. */
            interface $Properties {

                /** ListValue values */
                values?: (google.protobuf.Value.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListValue. */
            type $Shape = {
              values?: google.protobuf.Value.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }
}
