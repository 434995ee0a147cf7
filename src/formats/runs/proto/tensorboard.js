/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.tensorboard = (function() {

    var tensorboard = {};

    tensorboard.Event = (function() {

        var Event = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Event.prototype.wallTime = 0;
        Event.prototype.step = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Event.prototype.fileVersion = null;
        Event.prototype.graphDef = null;
        Event.prototype.summary = null;
        Event.prototype.logMessage = null;
        Event.prototype.sessionLog = null;
        Event.prototype.taggedRunMetadata = null;
        Event.prototype.metaGraphDef = null;
        Event.prototype.sourceMetadata = null;

        var $oneOfFields;

        $Object.defineProperty(Event.prototype, "what", {
            get: $util.oneOfGetter($oneOfFields = ["fileVersion", "graphDef", "summary", "logMessage", "sessionLog", "taggedRunMetadata", "metaGraphDef"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        Event.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.wallTime != null && $Object.hasOwnProperty.call(message, "wallTime") && !$Object.is(message.wallTime, 0))
                writer.uint32(9).double(message.wallTime);
            if (message.step != null && $Object.hasOwnProperty.call(message, "step") && (typeof message.step === "object" ? message.step.low || message.step.high : message.step !== 0))
                writer.uint32(16).int64(message.step);
            if (message.fileVersion != null && $Object.hasOwnProperty.call(message, "fileVersion"))
                writer.uint32(26).string(message.fileVersion);
            if (message.graphDef != null && $Object.hasOwnProperty.call(message, "graphDef"))
                writer.uint32(34).bytes(message.graphDef);
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary"))
                $root.tensorboard.Summary.encode(message.summary, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.logMessage != null && $Object.hasOwnProperty.call(message, "logMessage"))
                $root.tensorboard.LogMessage.encode(message.logMessage, writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.sessionLog != null && $Object.hasOwnProperty.call(message, "sessionLog"))
                $root.tensorboard.SessionLog.encode(message.sessionLog, writer.uint32(58).fork(), _depth + 1).ldelim();
            if (message.taggedRunMetadata != null && $Object.hasOwnProperty.call(message, "taggedRunMetadata"))
                $root.tensorboard.TaggedRunMetadata.encode(message.taggedRunMetadata, writer.uint32(66).fork(), _depth + 1).ldelim();
            if (message.metaGraphDef != null && $Object.hasOwnProperty.call(message, "metaGraphDef"))
                writer.uint32(74).bytes(message.metaGraphDef);
            if (message.sourceMetadata != null && $Object.hasOwnProperty.call(message, "sourceMetadata"))
                $root.tensorboard.SourceMetadata.encode(message.sourceMetadata, writer.uint32(82).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Event.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.Event();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.wallTime = value;
                        else
                            delete message.wallTime;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.step = value;
                        else
                            delete message.step;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.fileVersion = reader.stringVerify();
                        message.what = "fileVersion";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.graphDef = reader.bytes();
                        message.what = "graphDef";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.summary = $root.tensorboard.Summary.decode(reader, reader.size(), $undefined, _depth + 1, message.summary);
                        message.what = "summary";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.logMessage = $root.tensorboard.LogMessage.decode(reader, reader.size(), $undefined, _depth + 1, message.logMessage);
                        message.what = "logMessage";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.sessionLog = $root.tensorboard.SessionLog.decode(reader, reader.size(), $undefined, _depth + 1, message.sessionLog);
                        message.what = "sessionLog";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.taggedRunMetadata);
                        message.what = "taggedRunMetadata";
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.metaGraphDef = reader.bytes();
                        message.what = "metaGraphDef";
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.sourceMetadata = $root.tensorboard.SourceMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.sourceMetadata);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        Event.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.Event)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.Event: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.Event();
            if (object.wallTime != null)
                if (!$Object.is($Number(object.wallTime), 0))
                    message.wallTime = $Number(object.wallTime);
            if (object.step != null)
                if (typeof object.step === "object" ? object.step.low || object.step.high : $Number(object.step) !== 0)
                    if ($util.Long)
                        message.step = $util.Long.fromValue(object.step, false);
                    else if (typeof object.step === "string")
                        message.step = $parseInt(object.step, 10);
                    else if (typeof object.step === "number")
                        message.step = object.step;
                    else if (typeof object.step === "object")
                        message.step = new $util.LongBits(object.step.low >>> 0, object.step.high >>> 0).toNumber();
            if (object.fileVersion != null)
                message.fileVersion = $String(object.fileVersion);
            if (object.graphDef != null)
                if (typeof object.graphDef === "string")
                    $util.base64.decode(object.graphDef, message.graphDef = $util.newBuffer($util.base64.length(object.graphDef)), 0);
                else if (object.graphDef.length >= 0)
                    message.graphDef = object.graphDef;
            if (object.summary != null) {
                if (!$util.isObject(object.summary))
                    throw $TypeError(".tensorboard.Event.summary: object expected");
                message.summary = $root.tensorboard.Summary.fromObject(object.summary, _depth + 1);
            }
            if (object.logMessage != null) {
                if (!$util.isObject(object.logMessage))
                    throw $TypeError(".tensorboard.Event.logMessage: object expected");
                message.logMessage = $root.tensorboard.LogMessage.fromObject(object.logMessage, _depth + 1);
            }
            if (object.sessionLog != null) {
                if (!$util.isObject(object.sessionLog))
                    throw $TypeError(".tensorboard.Event.sessionLog: object expected");
                message.sessionLog = $root.tensorboard.SessionLog.fromObject(object.sessionLog, _depth + 1);
            }
            if (object.taggedRunMetadata != null) {
                if (!$util.isObject(object.taggedRunMetadata))
                    throw $TypeError(".tensorboard.Event.taggedRunMetadata: object expected");
                message.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.fromObject(object.taggedRunMetadata, _depth + 1);
            }
            if (object.metaGraphDef != null)
                if (typeof object.metaGraphDef === "string")
                    $util.base64.decode(object.metaGraphDef, message.metaGraphDef = $util.newBuffer($util.base64.length(object.metaGraphDef)), 0);
                else if (object.metaGraphDef.length >= 0)
                    message.metaGraphDef = object.metaGraphDef;
            if (object.sourceMetadata != null) {
                if (!$util.isObject(object.sourceMetadata))
                    throw $TypeError(".tensorboard.Event.sourceMetadata: object expected");
                message.sourceMetadata = $root.tensorboard.SourceMetadata.fromObject(object.sourceMetadata, _depth + 1);
            }
            return message;
        };

        Event.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults) {
                object.wallTime = 0;
                if ($util.Long) {
                    var long = new $util.Long(0, 0, false);
                    object.step = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.step = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.sourceMetadata = null;
            }
            if (message.wallTime != null && $Object.hasOwnProperty.call(message, "wallTime"))
                object.wallTime = options.json && !$isFinite(message.wallTime) ? $String(message.wallTime) : message.wallTime;
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.step = typeof message.step === "number" ? $BigInt(message.step) : $util.Long.fromBits(message.step.low >>> 0, message.step.high >>> 0, false).toBigInt();
                else if (typeof message.step === "number")
                    object.step = options.longs === $String ? $String(message.step) : message.step;
                else
                    object.step = options.longs === $String ? $util.Long.prototype.toString.call(message.step) : options.longs === $Number ? new $util.LongBits(message.step.low >>> 0, message.step.high >>> 0).toNumber() : message.step;
            if (message.fileVersion != null && $Object.hasOwnProperty.call(message, "fileVersion")) {
                object.fileVersion = message.fileVersion;
                if (options.oneofs)
                    object.what = "fileVersion";
            }
            if (message.graphDef != null && $Object.hasOwnProperty.call(message, "graphDef")) {
                object.graphDef = options.bytes === $String ? $util.base64.encode(message.graphDef, 0, message.graphDef.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.graphDef) : message.graphDef;
                if (options.oneofs)
                    object.what = "graphDef";
            }
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary")) {
                object.summary = $root.tensorboard.Summary.toObject(message.summary, options, _depth + 1);
                if (options.oneofs)
                    object.what = "summary";
            }
            if (message.logMessage != null && $Object.hasOwnProperty.call(message, "logMessage")) {
                object.logMessage = $root.tensorboard.LogMessage.toObject(message.logMessage, options, _depth + 1);
                if (options.oneofs)
                    object.what = "logMessage";
            }
            if (message.sessionLog != null && $Object.hasOwnProperty.call(message, "sessionLog")) {
                object.sessionLog = $root.tensorboard.SessionLog.toObject(message.sessionLog, options, _depth + 1);
                if (options.oneofs)
                    object.what = "sessionLog";
            }
            if (message.taggedRunMetadata != null && $Object.hasOwnProperty.call(message, "taggedRunMetadata")) {
                object.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.toObject(message.taggedRunMetadata, options, _depth + 1);
                if (options.oneofs)
                    object.what = "taggedRunMetadata";
            }
            if (message.metaGraphDef != null && $Object.hasOwnProperty.call(message, "metaGraphDef")) {
                object.metaGraphDef = options.bytes === $String ? $util.base64.encode(message.metaGraphDef, 0, message.metaGraphDef.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.metaGraphDef) : message.metaGraphDef;
                if (options.oneofs)
                    object.what = "metaGraphDef";
            }
            if (message.sourceMetadata != null && $Object.hasOwnProperty.call(message, "sourceMetadata"))
                object.sourceMetadata = $root.tensorboard.SourceMetadata.toObject(message.sourceMetadata, options, _depth + 1);
            return object;
        };

        Event.prototype.toJSON = function() {
            return Event.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Event;
    })();

    tensorboard.SourceMetadata = (function() {

        var SourceMetadata = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        SourceMetadata.prototype.writer = "";

        SourceMetadata.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.writer != null && $Object.hasOwnProperty.call(message, "writer") && message.writer !== "")
                writer.uint32(10).string(message.writer);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        SourceMetadata.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.SourceMetadata();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.writer = value;
                        else
                            delete message.writer;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        SourceMetadata.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.SourceMetadata)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.SourceMetadata: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.SourceMetadata();
            if (object.writer != null)
                if (typeof object.writer !== "string" || object.writer.length)
                    message.writer = $String(object.writer);
            return message;
        };

        SourceMetadata.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults)
                object.writer = "";
            if (message.writer != null && $Object.hasOwnProperty.call(message, "writer"))
                object.writer = message.writer;
            return object;
        };

        SourceMetadata.prototype.toJSON = function() {
            return SourceMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SourceMetadata;
    })();

    tensorboard.LogMessage = (function() {

        var LogMessage = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        LogMessage.prototype.level = 0;
        LogMessage.prototype.message = "";

        LogMessage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.level != null && $Object.hasOwnProperty.call(message, "level") && message.level !== 0)
                writer.uint32(8).int32(message.level);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        LogMessage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.LogMessage();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.level = value;
                        else
                            delete message.level;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        LogMessage.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.LogMessage)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.LogMessage: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.LogMessage();
            if (object.level !== 0 && (typeof object.level !== "string" || $root.tensorboard.LogMessage.Level[object.level] !== 0))
                switch (object.level) {
                case "UNKNOWN":
                case 0:
                    message.level = 0;
                    break;
                case "DEBUGGING":
                case 10:
                    message.level = 10;
                    break;
                case "INFO":
                case 20:
                    message.level = 20;
                    break;
                case "WARN":
                case 30:
                    message.level = 30;
                    break;
                case "ERROR":
                case 40:
                    message.level = 40;
                    break;
                case "FATAL":
                case 50:
                    message.level = 50;
                    break;
                default:
                    if (typeof object.level === "number" && (object.level | 0) === object.level)
                        message.level = object.level;
                }
            if (object.message != null)
                if (typeof object.message !== "string" || object.message.length)
                    message.message = $String(object.message);
            return message;
        };

        LogMessage.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults) {
                object.level = options.enums === $String ? "UNKNOWN" : 0;
                object.message = "";
            }
            if (message.level != null && $Object.hasOwnProperty.call(message, "level"))
                object.level = options.enums === $String ? $root.tensorboard.LogMessage.Level[message.level] === $undefined ? message.level : $root.tensorboard.LogMessage.Level[message.level] : message.level;
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                object.message = message.message;
            return object;
        };

        LogMessage.prototype.toJSON = function() {
            return LogMessage.toObject(this, $protobuf.util.toJSONOptions);
        };

        LogMessage.Level = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "UNKNOWN"] = 0;
            values[valuesById[10] = "DEBUGGING"] = 10;
            values[valuesById[20] = "INFO"] = 20;
            values[valuesById[30] = "WARN"] = 30;
            values[valuesById[40] = "ERROR"] = 40;
            values[valuesById[50] = "FATAL"] = 50;
            return values;
        })();

        return LogMessage;
    })();

    tensorboard.SessionLog = (function() {

        var SessionLog = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        SessionLog.prototype.status = 0;
        SessionLog.prototype.checkpointPath = "";
        SessionLog.prototype.msg = "";

        SessionLog.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                writer.uint32(8).int32(message.status);
            if (message.checkpointPath != null && $Object.hasOwnProperty.call(message, "checkpointPath") && message.checkpointPath !== "")
                writer.uint32(18).string(message.checkpointPath);
            if (message.msg != null && $Object.hasOwnProperty.call(message, "msg") && message.msg !== "")
                writer.uint32(26).string(message.msg);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        SessionLog.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.SessionLog();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.status = value;
                        else
                            delete message.status;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.checkpointPath = value;
                        else
                            delete message.checkpointPath;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.msg = value;
                        else
                            delete message.msg;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        SessionLog.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.SessionLog)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.SessionLog: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.SessionLog();
            if (object.status !== 0 && (typeof object.status !== "string" || $root.tensorboard.SessionLog.SessionStatus[object.status] !== 0))
                switch (object.status) {
                case "STATUS_UNSPECIFIED":
                case 0:
                    message.status = 0;
                    break;
                case "START":
                case 1:
                    message.status = 1;
                    break;
                case "STOP":
                case 2:
                    message.status = 2;
                    break;
                case "CHECKPOINT":
                case 3:
                    message.status = 3;
                    break;
                default:
                    if (typeof object.status === "number" && (object.status | 0) === object.status)
                        message.status = object.status;
                }
            if (object.checkpointPath != null)
                if (typeof object.checkpointPath !== "string" || object.checkpointPath.length)
                    message.checkpointPath = $String(object.checkpointPath);
            if (object.msg != null)
                if (typeof object.msg !== "string" || object.msg.length)
                    message.msg = $String(object.msg);
            return message;
        };

        SessionLog.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults) {
                object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                object.checkpointPath = "";
                object.msg = "";
            }
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                object.status = options.enums === $String ? $root.tensorboard.SessionLog.SessionStatus[message.status] === $undefined ? message.status : $root.tensorboard.SessionLog.SessionStatus[message.status] : message.status;
            if (message.checkpointPath != null && $Object.hasOwnProperty.call(message, "checkpointPath"))
                object.checkpointPath = message.checkpointPath;
            if (message.msg != null && $Object.hasOwnProperty.call(message, "msg"))
                object.msg = message.msg;
            return object;
        };

        SessionLog.prototype.toJSON = function() {
            return SessionLog.toObject(this, $protobuf.util.toJSONOptions);
        };

        SessionLog.SessionStatus = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "START"] = 1;
            values[valuesById[2] = "STOP"] = 2;
            values[valuesById[3] = "CHECKPOINT"] = 3;
            return values;
        })();

        return SessionLog;
    })();

    tensorboard.TaggedRunMetadata = (function() {

        var TaggedRunMetadata = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TaggedRunMetadata.prototype.tag = "";
        TaggedRunMetadata.prototype.runMetadata = $util.newBuffer([]);

        TaggedRunMetadata.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tag != null && $Object.hasOwnProperty.call(message, "tag") && message.tag !== "")
                writer.uint32(10).string(message.tag);
            if (message.runMetadata != null && $Object.hasOwnProperty.call(message, "runMetadata") && message.runMetadata.length)
                writer.uint32(18).bytes(message.runMetadata);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TaggedRunMetadata.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.TaggedRunMetadata();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tag = value;
                        else
                            delete message.tag;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.runMetadata = value;
                        else
                            delete message.runMetadata;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TaggedRunMetadata.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.TaggedRunMetadata)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.TaggedRunMetadata: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.TaggedRunMetadata();
            if (object.tag != null)
                if (typeof object.tag !== "string" || object.tag.length)
                    message.tag = $String(object.tag);
            if (object.runMetadata != null)
                if (object.runMetadata.length)
                    if (typeof object.runMetadata === "string")
                        $util.base64.decode(object.runMetadata, message.runMetadata = $util.newBuffer($util.base64.length(object.runMetadata)), 0);
                    else if (object.runMetadata.length >= 0)
                        message.runMetadata = object.runMetadata;
            return message;
        };

        TaggedRunMetadata.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults) {
                object.tag = "";
                if (options.bytes === $String)
                    object.runMetadata = "";
                else {
                    object.runMetadata = [];
                    if (options.bytes !== $Array)
                        object.runMetadata = $util.newBuffer(object.runMetadata);
                }
            }
            if (message.tag != null && $Object.hasOwnProperty.call(message, "tag"))
                object.tag = message.tag;
            if (message.runMetadata != null && $Object.hasOwnProperty.call(message, "runMetadata"))
                object.runMetadata = options.bytes === $String ? $util.base64.encode(message.runMetadata, 0, message.runMetadata.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.runMetadata) : message.runMetadata;
            return object;
        };

        TaggedRunMetadata.prototype.toJSON = function() {
            return TaggedRunMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        return TaggedRunMetadata;
    })();

    tensorboard.WorkerHealth = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "OK"] = 0;
        values[valuesById[1] = "RECEIVED_SHUTDOWN_SIGNAL"] = 1;
        values[valuesById[2] = "INTERNAL_ERROR"] = 2;
        values[valuesById[3] = "SHUTTING_DOWN"] = 3;
        return values;
    })();

    tensorboard.WorkerShutdownMode = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DEFAULT"] = 0;
        values[valuesById[1] = "NOT_CONFIGURED"] = 1;
        values[valuesById[2] = "WAIT_FOR_COORDINATOR"] = 2;
        values[valuesById[3] = "SHUTDOWN_AFTER_TIMEOUT"] = 3;
        return values;
    })();

    tensorboard.WatchdogConfig = (function() {

        var WatchdogConfig = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        WatchdogConfig.prototype.timeoutMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        WatchdogConfig.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.timeoutMs != null && $Object.hasOwnProperty.call(message, "timeoutMs") && (typeof message.timeoutMs === "object" ? message.timeoutMs.low || message.timeoutMs.high : message.timeoutMs !== 0))
                writer.uint32(8).int64(message.timeoutMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        WatchdogConfig.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.WatchdogConfig();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.timeoutMs = value;
                        else
                            delete message.timeoutMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        WatchdogConfig.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.WatchdogConfig)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.WatchdogConfig: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.WatchdogConfig();
            if (object.timeoutMs != null)
                if (typeof object.timeoutMs === "object" ? object.timeoutMs.low || object.timeoutMs.high : $Number(object.timeoutMs) !== 0)
                    if ($util.Long)
                        message.timeoutMs = $util.Long.fromValue(object.timeoutMs, false);
                    else if (typeof object.timeoutMs === "string")
                        message.timeoutMs = $parseInt(object.timeoutMs, 10);
                    else if (typeof object.timeoutMs === "number")
                        message.timeoutMs = object.timeoutMs;
                    else if (typeof object.timeoutMs === "object")
                        message.timeoutMs = new $util.LongBits(object.timeoutMs.low >>> 0, object.timeoutMs.high >>> 0).toNumber();
            return message;
        };

        WatchdogConfig.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults)
                if ($util.Long) {
                    var long = new $util.Long(0, 0, false);
                    object.timeoutMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.timeoutMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            if (message.timeoutMs != null && $Object.hasOwnProperty.call(message, "timeoutMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.timeoutMs = typeof message.timeoutMs === "number" ? $BigInt(message.timeoutMs) : $util.Long.fromBits(message.timeoutMs.low >>> 0, message.timeoutMs.high >>> 0, false).toBigInt();
                else if (typeof message.timeoutMs === "number")
                    object.timeoutMs = options.longs === $String ? $String(message.timeoutMs) : message.timeoutMs;
                else
                    object.timeoutMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeoutMs) : options.longs === $Number ? new $util.LongBits(message.timeoutMs.low >>> 0, message.timeoutMs.high >>> 0).toNumber() : message.timeoutMs;
            return object;
        };

        WatchdogConfig.prototype.toJSON = function() {
            return WatchdogConfig.toObject(this, $protobuf.util.toJSONOptions);
        };

        return WatchdogConfig;
    })();

    tensorboard.RequestedExitCode = (function() {

        var RequestedExitCode = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        RequestedExitCode.prototype.exitCode = 0;

        RequestedExitCode.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode") && message.exitCode !== 0)
                writer.uint32(8).int32(message.exitCode);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        RequestedExitCode.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.RequestedExitCode();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.exitCode = value;
                        else
                            delete message.exitCode;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        RequestedExitCode.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.RequestedExitCode)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.RequestedExitCode: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.RequestedExitCode();
            if (object.exitCode != null)
                if ($Number(object.exitCode) !== 0)
                    message.exitCode = object.exitCode | 0;
            return message;
        };

        RequestedExitCode.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults)
                object.exitCode = 0;
            if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode"))
                object.exitCode = message.exitCode;
            return object;
        };

        RequestedExitCode.prototype.toJSON = function() {
            return RequestedExitCode.toObject(this, $protobuf.util.toJSONOptions);
        };

        return RequestedExitCode;
    })();

    tensorboard.WorkerHeartbeatRequest = (function() {

        var WorkerHeartbeatRequest = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        WorkerHeartbeatRequest.prototype.shutdownMode = 0;
        WorkerHeartbeatRequest.prototype.watchdogConfig = null;
        WorkerHeartbeatRequest.prototype.exitCode = null;

        WorkerHeartbeatRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.shutdownMode != null && $Object.hasOwnProperty.call(message, "shutdownMode") && message.shutdownMode !== 0)
                writer.uint32(8).int32(message.shutdownMode);
            if (message.watchdogConfig != null && $Object.hasOwnProperty.call(message, "watchdogConfig"))
                $root.tensorboard.WatchdogConfig.encode(message.watchdogConfig, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode"))
                $root.tensorboard.RequestedExitCode.encode(message.exitCode, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        WorkerHeartbeatRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.WorkerHeartbeatRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.shutdownMode = value;
                        else
                            delete message.shutdownMode;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.watchdogConfig = $root.tensorboard.WatchdogConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.watchdogConfig);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.exitCode = $root.tensorboard.RequestedExitCode.decode(reader, reader.size(), $undefined, _depth + 1, message.exitCode);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        WorkerHeartbeatRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.WorkerHeartbeatRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.WorkerHeartbeatRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.WorkerHeartbeatRequest();
            if (object.shutdownMode !== 0 && (typeof object.shutdownMode !== "string" || $root.tensorboard.WorkerShutdownMode[object.shutdownMode] !== 0))
                switch (object.shutdownMode) {
                case "DEFAULT":
                case 0:
                    message.shutdownMode = 0;
                    break;
                case "NOT_CONFIGURED":
                case 1:
                    message.shutdownMode = 1;
                    break;
                case "WAIT_FOR_COORDINATOR":
                case 2:
                    message.shutdownMode = 2;
                    break;
                case "SHUTDOWN_AFTER_TIMEOUT":
                case 3:
                    message.shutdownMode = 3;
                    break;
                default:
                    if (typeof object.shutdownMode === "number" && (object.shutdownMode | 0) === object.shutdownMode)
                        message.shutdownMode = object.shutdownMode;
                }
            if (object.watchdogConfig != null) {
                if (!$util.isObject(object.watchdogConfig))
                    throw $TypeError(".tensorboard.WorkerHeartbeatRequest.watchdogConfig: object expected");
                message.watchdogConfig = $root.tensorboard.WatchdogConfig.fromObject(object.watchdogConfig, _depth + 1);
            }
            if (object.exitCode != null) {
                if (!$util.isObject(object.exitCode))
                    throw $TypeError(".tensorboard.WorkerHeartbeatRequest.exitCode: object expected");
                message.exitCode = $root.tensorboard.RequestedExitCode.fromObject(object.exitCode, _depth + 1);
            }
            return message;
        };

        WorkerHeartbeatRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults) {
                object.shutdownMode = options.enums === $String ? "DEFAULT" : 0;
                object.watchdogConfig = null;
                object.exitCode = null;
            }
            if (message.shutdownMode != null && $Object.hasOwnProperty.call(message, "shutdownMode"))
                object.shutdownMode = options.enums === $String ? $root.tensorboard.WorkerShutdownMode[message.shutdownMode] === $undefined ? message.shutdownMode : $root.tensorboard.WorkerShutdownMode[message.shutdownMode] : message.shutdownMode;
            if (message.watchdogConfig != null && $Object.hasOwnProperty.call(message, "watchdogConfig"))
                object.watchdogConfig = $root.tensorboard.WatchdogConfig.toObject(message.watchdogConfig, options, _depth + 1);
            if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode"))
                object.exitCode = $root.tensorboard.RequestedExitCode.toObject(message.exitCode, options, _depth + 1);
            return object;
        };

        WorkerHeartbeatRequest.prototype.toJSON = function() {
            return WorkerHeartbeatRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        return WorkerHeartbeatRequest;
    })();

    tensorboard.WorkerHeartbeatResponse = (function() {

        var WorkerHeartbeatResponse = function (properties) {
            this.workerLog = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        WorkerHeartbeatResponse.prototype.healthStatus = 0;
        WorkerHeartbeatResponse.prototype.workerLog = $util.emptyArray;
        WorkerHeartbeatResponse.prototype.hostname = "";

        WorkerHeartbeatResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.healthStatus != null && $Object.hasOwnProperty.call(message, "healthStatus") && message.healthStatus !== 0)
                writer.uint32(8).int32(message.healthStatus);
            if (message.workerLog != null && message.workerLog.length)
                for (var i = 0; i < message.workerLog.length; ++i)
                    $root.tensorboard.Event.encode(message.workerLog[i], writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                writer.uint32(26).string(message.hostname);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        WorkerHeartbeatResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.WorkerHeartbeatResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.healthStatus = value;
                        else
                            delete message.healthStatus;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.workerLog && message.workerLog.length))
                            message.workerLog = [];
                        message.workerLog.push($root.tensorboard.Event.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.hostname = value;
                        else
                            delete message.hostname;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        WorkerHeartbeatResponse.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.WorkerHeartbeatResponse)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.WorkerHeartbeatResponse: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.WorkerHeartbeatResponse();
            if (object.healthStatus !== 0 && (typeof object.healthStatus !== "string" || $root.tensorboard.WorkerHealth[object.healthStatus] !== 0))
                switch (object.healthStatus) {
                case "OK":
                case 0:
                    message.healthStatus = 0;
                    break;
                case "RECEIVED_SHUTDOWN_SIGNAL":
                case 1:
                    message.healthStatus = 1;
                    break;
                case "INTERNAL_ERROR":
                case 2:
                    message.healthStatus = 2;
                    break;
                case "SHUTTING_DOWN":
                case 3:
                    message.healthStatus = 3;
                    break;
                default:
                    if (typeof object.healthStatus === "number" && (object.healthStatus | 0) === object.healthStatus)
                        message.healthStatus = object.healthStatus;
                }
            if (object.workerLog) {
                if (!$Array.isArray(object.workerLog))
                    throw $TypeError(".tensorboard.WorkerHeartbeatResponse.workerLog: array expected");
                message.workerLog = $Array(object.workerLog.length);
                for (var i = 0; i < object.workerLog.length; ++i) {
                    if (!$util.isObject(object.workerLog[i]))
                        throw $TypeError(".tensorboard.WorkerHeartbeatResponse.workerLog: object expected");
                    message.workerLog[i] = $root.tensorboard.Event.fromObject(object.workerLog[i], _depth + 1);
                }
            }
            if (object.hostname != null)
                if (typeof object.hostname !== "string" || object.hostname.length)
                    message.hostname = $String(object.hostname);
            return message;
        };

        WorkerHeartbeatResponse.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults)
                object.workerLog = [];
            if (options.defaults) {
                object.healthStatus = options.enums === $String ? "OK" : 0;
                object.hostname = "";
            }
            if (message.healthStatus != null && $Object.hasOwnProperty.call(message, "healthStatus"))
                object.healthStatus = options.enums === $String ? $root.tensorboard.WorkerHealth[message.healthStatus] === $undefined ? message.healthStatus : $root.tensorboard.WorkerHealth[message.healthStatus] : message.healthStatus;
            if (message.workerLog && message.workerLog.length) {
                object.workerLog = $Array(message.workerLog.length);
                for (var j = 0; j < message.workerLog.length; ++j)
                    object.workerLog[j] = $root.tensorboard.Event.toObject(message.workerLog[j], options, _depth + 1);
            }
            if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                object.hostname = message.hostname;
            return object;
        };

        WorkerHeartbeatResponse.prototype.toJSON = function() {
            return WorkerHeartbeatResponse.toObject(this, $protobuf.util.toJSONOptions);
        };

        return WorkerHeartbeatResponse;
    })();

    tensorboard.SummaryDescription = (function() {

        var SummaryDescription = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        SummaryDescription.prototype.typeHint = "";

        SummaryDescription.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.typeHint != null && $Object.hasOwnProperty.call(message, "typeHint") && message.typeHint !== "")
                writer.uint32(10).string(message.typeHint);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        SummaryDescription.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.SummaryDescription();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.typeHint = value;
                        else
                            delete message.typeHint;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        SummaryDescription.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.SummaryDescription)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.SummaryDescription: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.SummaryDescription();
            if (object.typeHint != null)
                if (typeof object.typeHint !== "string" || object.typeHint.length)
                    message.typeHint = $String(object.typeHint);
            return message;
        };

        SummaryDescription.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults)
                object.typeHint = "";
            if (message.typeHint != null && $Object.hasOwnProperty.call(message, "typeHint"))
                object.typeHint = message.typeHint;
            return object;
        };

        SummaryDescription.prototype.toJSON = function() {
            return SummaryDescription.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SummaryDescription;
    })();

    tensorboard.SummaryMetadata = (function() {

        var SummaryMetadata = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        SummaryMetadata.prototype.pluginData = null;
        SummaryMetadata.prototype.displayName = "";
        SummaryMetadata.prototype.summaryDescription = "";
        SummaryMetadata.prototype.dataClass = 0;

        SummaryMetadata.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.pluginData != null && $Object.hasOwnProperty.call(message, "pluginData"))
                $root.tensorboard.SummaryMetadata.PluginData.encode(message.pluginData, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.displayName != null && $Object.hasOwnProperty.call(message, "displayName") && message.displayName !== "")
                writer.uint32(18).string(message.displayName);
            if (message.summaryDescription != null && $Object.hasOwnProperty.call(message, "summaryDescription") && message.summaryDescription !== "")
                writer.uint32(26).string(message.summaryDescription);
            if (message.dataClass != null && $Object.hasOwnProperty.call(message, "dataClass") && message.dataClass !== 0)
                writer.uint32(32).int32(message.dataClass);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        SummaryMetadata.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.SummaryMetadata();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.pluginData = $root.tensorboard.SummaryMetadata.PluginData.decode(reader, reader.size(), $undefined, _depth + 1, message.pluginData);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.displayName = value;
                        else
                            delete message.displayName;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.summaryDescription = value;
                        else
                            delete message.summaryDescription;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dataClass = value;
                        else
                            delete message.dataClass;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        SummaryMetadata.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.SummaryMetadata)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.SummaryMetadata: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.SummaryMetadata();
            if (object.pluginData != null) {
                if (!$util.isObject(object.pluginData))
                    throw $TypeError(".tensorboard.SummaryMetadata.pluginData: object expected");
                message.pluginData = $root.tensorboard.SummaryMetadata.PluginData.fromObject(object.pluginData, _depth + 1);
            }
            if (object.displayName != null)
                if (typeof object.displayName !== "string" || object.displayName.length)
                    message.displayName = $String(object.displayName);
            if (object.summaryDescription != null)
                if (typeof object.summaryDescription !== "string" || object.summaryDescription.length)
                    message.summaryDescription = $String(object.summaryDescription);
            if (object.dataClass !== 0 && (typeof object.dataClass !== "string" || $root.tensorboard.DataClass[object.dataClass] !== 0))
                switch (object.dataClass) {
                case "DATA_CLASS_UNKNOWN":
                case 0:
                    message.dataClass = 0;
                    break;
                case "DATA_CLASS_SCALAR":
                case 1:
                    message.dataClass = 1;
                    break;
                case "DATA_CLASS_TENSOR":
                case 2:
                    message.dataClass = 2;
                    break;
                case "DATA_CLASS_BLOB_SEQUENCE":
                case 3:
                    message.dataClass = 3;
                    break;
                default:
                    if (typeof object.dataClass === "number" && (object.dataClass | 0) === object.dataClass)
                        message.dataClass = object.dataClass;
                }
            return message;
        };

        SummaryMetadata.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults) {
                object.pluginData = null;
                object.displayName = "";
                object.summaryDescription = "";
                object.dataClass = options.enums === $String ? "DATA_CLASS_UNKNOWN" : 0;
            }
            if (message.pluginData != null && $Object.hasOwnProperty.call(message, "pluginData"))
                object.pluginData = $root.tensorboard.SummaryMetadata.PluginData.toObject(message.pluginData, options, _depth + 1);
            if (message.displayName != null && $Object.hasOwnProperty.call(message, "displayName"))
                object.displayName = message.displayName;
            if (message.summaryDescription != null && $Object.hasOwnProperty.call(message, "summaryDescription"))
                object.summaryDescription = message.summaryDescription;
            if (message.dataClass != null && $Object.hasOwnProperty.call(message, "dataClass"))
                object.dataClass = options.enums === $String ? $root.tensorboard.DataClass[message.dataClass] === $undefined ? message.dataClass : $root.tensorboard.DataClass[message.dataClass] : message.dataClass;
            return object;
        };

        SummaryMetadata.prototype.toJSON = function() {
            return SummaryMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        SummaryMetadata.PluginData = (function() {

            var PluginData = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PluginData.prototype.pluginName = "";
            PluginData.prototype.content = $util.newBuffer([]);

            PluginData.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.pluginName != null && $Object.hasOwnProperty.call(message, "pluginName") && message.pluginName !== "")
                    writer.uint32(10).string(message.pluginName);
                if (message.content != null && $Object.hasOwnProperty.call(message, "content") && message.content.length)
                    writer.uint32(18).bytes(message.content);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PluginData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.SummaryMetadata.PluginData();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.pluginName = value;
                            else
                                delete message.pluginName;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.content = value;
                            else
                                delete message.content;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PluginData.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.SummaryMetadata.PluginData)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.SummaryMetadata.PluginData: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.SummaryMetadata.PluginData();
                if (object.pluginName != null)
                    if (typeof object.pluginName !== "string" || object.pluginName.length)
                        message.pluginName = $String(object.pluginName);
                if (object.content != null)
                    if (object.content.length)
                        if (typeof object.content === "string")
                            $util.base64.decode(object.content, message.content = $util.newBuffer($util.base64.length(object.content)), 0);
                        else if (object.content.length >= 0)
                            message.content = object.content;
                return message;
            };

            PluginData.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.pluginName = "";
                    if (options.bytes === $String)
                        object.content = "";
                    else {
                        object.content = [];
                        if (options.bytes !== $Array)
                            object.content = $util.newBuffer(object.content);
                    }
                }
                if (message.pluginName != null && $Object.hasOwnProperty.call(message, "pluginName"))
                    object.pluginName = message.pluginName;
                if (message.content != null && $Object.hasOwnProperty.call(message, "content"))
                    object.content = options.bytes === $String ? $util.base64.encode(message.content, 0, message.content.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.content) : message.content;
                return object;
            };

            PluginData.prototype.toJSON = function() {
                return PluginData.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PluginData;
        })();

        return SummaryMetadata;
    })();

    tensorboard.DataClass = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DATA_CLASS_UNKNOWN"] = 0;
        values[valuesById[1] = "DATA_CLASS_SCALAR"] = 1;
        values[valuesById[2] = "DATA_CLASS_TENSOR"] = 2;
        values[valuesById[3] = "DATA_CLASS_BLOB_SEQUENCE"] = 3;
        return values;
    })();

    tensorboard.Summary = (function() {

        var Summary = function (properties) {
            this.value = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Summary.prototype.value = $util.emptyArray;

        Summary.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.value != null && message.value.length)
                for (var i = 0; i < message.value.length; ++i)
                    $root.tensorboard.Summary.Value.encode(message.value[i], writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Summary.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.Summary();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.value && message.value.length))
                            message.value = [];
                        message.value.push($root.tensorboard.Summary.Value.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        Summary.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.Summary)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.Summary: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.Summary();
            if (object.value) {
                if (!$Array.isArray(object.value))
                    throw $TypeError(".tensorboard.Summary.value: array expected");
                message.value = $Array(object.value.length);
                for (var i = 0; i < object.value.length; ++i) {
                    if (!$util.isObject(object.value[i]))
                        throw $TypeError(".tensorboard.Summary.value: object expected");
                    message.value[i] = $root.tensorboard.Summary.Value.fromObject(object.value[i], _depth + 1);
                }
            }
            return message;
        };

        Summary.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults)
                object.value = [];
            if (message.value && message.value.length) {
                object.value = $Array(message.value.length);
                for (var j = 0; j < message.value.length; ++j)
                    object.value[j] = $root.tensorboard.Summary.Value.toObject(message.value[j], options, _depth + 1);
            }
            return object;
        };

        Summary.prototype.toJSON = function() {
            return Summary.toObject(this, $protobuf.util.toJSONOptions);
        };

        Summary.Image = (function() {

            var Image = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Image.prototype.height = 0;
            Image.prototype.width = 0;
            Image.prototype.colorspace = 0;
            Image.prototype.encodedImageString = $util.newBuffer([]);

            Image.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(8).int32(message.height);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(16).int32(message.width);
                if (message.colorspace != null && $Object.hasOwnProperty.call(message, "colorspace") && message.colorspace !== 0)
                    writer.uint32(24).int32(message.colorspace);
                if (message.encodedImageString != null && $Object.hasOwnProperty.call(message, "encodedImageString") && message.encodedImageString.length)
                    writer.uint32(34).bytes(message.encodedImageString);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Image.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.Summary.Image();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.colorspace = value;
                            else
                                delete message.colorspace;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.encodedImageString = value;
                            else
                                delete message.encodedImageString;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Image.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.Summary.Image)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.Summary.Image: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.Summary.Image();
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height | 0;
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width | 0;
                if (object.colorspace != null)
                    if ($Number(object.colorspace) !== 0)
                        message.colorspace = object.colorspace | 0;
                if (object.encodedImageString != null)
                    if (object.encodedImageString.length)
                        if (typeof object.encodedImageString === "string")
                            $util.base64.decode(object.encodedImageString, message.encodedImageString = $util.newBuffer($util.base64.length(object.encodedImageString)), 0);
                        else if (object.encodedImageString.length >= 0)
                            message.encodedImageString = object.encodedImageString;
                return message;
            };

            Image.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.height = 0;
                    object.width = 0;
                    object.colorspace = 0;
                    if (options.bytes === $String)
                        object.encodedImageString = "";
                    else {
                        object.encodedImageString = [];
                        if (options.bytes !== $Array)
                            object.encodedImageString = $util.newBuffer(object.encodedImageString);
                    }
                }
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.colorspace != null && $Object.hasOwnProperty.call(message, "colorspace"))
                    object.colorspace = message.colorspace;
                if (message.encodedImageString != null && $Object.hasOwnProperty.call(message, "encodedImageString"))
                    object.encodedImageString = options.bytes === $String ? $util.base64.encode(message.encodedImageString, 0, message.encodedImageString.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.encodedImageString) : message.encodedImageString;
                return object;
            };

            Image.prototype.toJSON = function() {
                return Image.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Image;
        })();

        Summary.Audio = (function() {

            var Audio = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Audio.prototype.sampleRate = 0;
            Audio.prototype.numChannels = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Audio.prototype.lengthFrames = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Audio.prototype.encodedAudioString = $util.newBuffer([]);
            Audio.prototype.contentType = "";

            Audio.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && !$Object.is(message.sampleRate, 0))
                    writer.uint32(13).float(message.sampleRate);
                if (message.numChannels != null && $Object.hasOwnProperty.call(message, "numChannels") && (typeof message.numChannels === "object" ? message.numChannels.low || message.numChannels.high : message.numChannels !== 0))
                    writer.uint32(16).int64(message.numChannels);
                if (message.lengthFrames != null && $Object.hasOwnProperty.call(message, "lengthFrames") && (typeof message.lengthFrames === "object" ? message.lengthFrames.low || message.lengthFrames.high : message.lengthFrames !== 0))
                    writer.uint32(24).int64(message.lengthFrames);
                if (message.encodedAudioString != null && $Object.hasOwnProperty.call(message, "encodedAudioString") && message.encodedAudioString.length)
                    writer.uint32(34).bytes(message.encodedAudioString);
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType") && message.contentType !== "")
                    writer.uint32(42).string(message.contentType);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Audio.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.Summary.Audio();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.sampleRate = value;
                            else
                                delete message.sampleRate;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.numChannels = value;
                            else
                                delete message.numChannels;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.lengthFrames = value;
                            else
                                delete message.lengthFrames;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.encodedAudioString = value;
                            else
                                delete message.encodedAudioString;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contentType = value;
                            else
                                delete message.contentType;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Audio.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.Summary.Audio)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.Summary.Audio: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.Summary.Audio();
                if (object.sampleRate != null)
                    if (!$Object.is($Number(object.sampleRate), 0))
                        message.sampleRate = $Number(object.sampleRate);
                if (object.numChannels != null)
                    if (typeof object.numChannels === "object" ? object.numChannels.low || object.numChannels.high : $Number(object.numChannels) !== 0)
                        if ($util.Long)
                            message.numChannels = $util.Long.fromValue(object.numChannels, false);
                        else if (typeof object.numChannels === "string")
                            message.numChannels = $parseInt(object.numChannels, 10);
                        else if (typeof object.numChannels === "number")
                            message.numChannels = object.numChannels;
                        else if (typeof object.numChannels === "object")
                            message.numChannels = new $util.LongBits(object.numChannels.low >>> 0, object.numChannels.high >>> 0).toNumber();
                if (object.lengthFrames != null)
                    if (typeof object.lengthFrames === "object" ? object.lengthFrames.low || object.lengthFrames.high : $Number(object.lengthFrames) !== 0)
                        if ($util.Long)
                            message.lengthFrames = $util.Long.fromValue(object.lengthFrames, false);
                        else if (typeof object.lengthFrames === "string")
                            message.lengthFrames = $parseInt(object.lengthFrames, 10);
                        else if (typeof object.lengthFrames === "number")
                            message.lengthFrames = object.lengthFrames;
                        else if (typeof object.lengthFrames === "object")
                            message.lengthFrames = new $util.LongBits(object.lengthFrames.low >>> 0, object.lengthFrames.high >>> 0).toNumber();
                if (object.encodedAudioString != null)
                    if (object.encodedAudioString.length)
                        if (typeof object.encodedAudioString === "string")
                            $util.base64.decode(object.encodedAudioString, message.encodedAudioString = $util.newBuffer($util.base64.length(object.encodedAudioString)), 0);
                        else if (object.encodedAudioString.length >= 0)
                            message.encodedAudioString = object.encodedAudioString;
                if (object.contentType != null)
                    if (typeof object.contentType !== "string" || object.contentType.length)
                        message.contentType = $String(object.contentType);
                return message;
            };

            Audio.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.sampleRate = 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.numChannels = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.numChannels = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.lengthFrames = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lengthFrames = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.encodedAudioString = "";
                    else {
                        object.encodedAudioString = [];
                        if (options.bytes !== $Array)
                            object.encodedAudioString = $util.newBuffer(object.encodedAudioString);
                    }
                    object.contentType = "";
                }
                if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                    object.sampleRate = options.json && !$isFinite(message.sampleRate) ? $String(message.sampleRate) : message.sampleRate;
                if (message.numChannels != null && $Object.hasOwnProperty.call(message, "numChannels"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.numChannels = typeof message.numChannels === "number" ? $BigInt(message.numChannels) : $util.Long.fromBits(message.numChannels.low >>> 0, message.numChannels.high >>> 0, false).toBigInt();
                    else if (typeof message.numChannels === "number")
                        object.numChannels = options.longs === $String ? $String(message.numChannels) : message.numChannels;
                    else
                        object.numChannels = options.longs === $String ? $util.Long.prototype.toString.call(message.numChannels) : options.longs === $Number ? new $util.LongBits(message.numChannels.low >>> 0, message.numChannels.high >>> 0).toNumber() : message.numChannels;
                if (message.lengthFrames != null && $Object.hasOwnProperty.call(message, "lengthFrames"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lengthFrames = typeof message.lengthFrames === "number" ? $BigInt(message.lengthFrames) : $util.Long.fromBits(message.lengthFrames.low >>> 0, message.lengthFrames.high >>> 0, false).toBigInt();
                    else if (typeof message.lengthFrames === "number")
                        object.lengthFrames = options.longs === $String ? $String(message.lengthFrames) : message.lengthFrames;
                    else
                        object.lengthFrames = options.longs === $String ? $util.Long.prototype.toString.call(message.lengthFrames) : options.longs === $Number ? new $util.LongBits(message.lengthFrames.low >>> 0, message.lengthFrames.high >>> 0).toNumber() : message.lengthFrames;
                if (message.encodedAudioString != null && $Object.hasOwnProperty.call(message, "encodedAudioString"))
                    object.encodedAudioString = options.bytes === $String ? $util.base64.encode(message.encodedAudioString, 0, message.encodedAudioString.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.encodedAudioString) : message.encodedAudioString;
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                return object;
            };

            Audio.prototype.toJSON = function() {
                return Audio.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Audio;
        })();

        Summary.Value = (function() {

            var Value = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Value.prototype.nodeName = "";
            Value.prototype.tag = "";
            Value.prototype.metadata = null;
            Value.prototype.simpleValue = null;
            Value.prototype.obsoleteOldStyleHistogram = null;
            Value.prototype.image = null;
            Value.prototype.histo = null;
            Value.prototype.audio = null;
            Value.prototype.tensor = null;

            var $oneOfFields;

            $Object.defineProperty(Value.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["simpleValue", "obsoleteOldStyleHistogram", "image", "histo", "audio", "tensor"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag") && message.tag !== "")
                    writer.uint32(10).string(message.tag);
                if (message.simpleValue != null && $Object.hasOwnProperty.call(message, "simpleValue"))
                    writer.uint32(21).float(message.simpleValue);
                if (message.obsoleteOldStyleHistogram != null && $Object.hasOwnProperty.call(message, "obsoleteOldStyleHistogram"))
                    writer.uint32(26).bytes(message.obsoleteOldStyleHistogram);
                if (message.image != null && $Object.hasOwnProperty.call(message, "image"))
                    $root.tensorboard.Summary.Image.encode(message.image, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.histo != null && $Object.hasOwnProperty.call(message, "histo"))
                    $root.tensorboard.HistogramProto.encode(message.histo, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.audio != null && $Object.hasOwnProperty.call(message, "audio"))
                    $root.tensorboard.Summary.Audio.encode(message.audio, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName") && message.nodeName !== "")
                    writer.uint32(58).string(message.nodeName);
                if (message.tensor != null && $Object.hasOwnProperty.call(message, "tensor"))
                    $root.tensorboard.TensorProto.encode(message.tensor, writer.uint32(66).fork(), _depth + 1).ldelim();
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    $root.tensorboard.SummaryMetadata.encode(message.metadata, writer.uint32(74).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.Summary.Value();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeName = value;
                            else
                                delete message.nodeName;
                            continue;
                        }
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tag = value;
                            else
                                delete message.tag;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.metadata = $root.tensorboard.SummaryMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            message.simpleValue = reader.float();
                            message.value = "simpleValue";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.obsoleteOldStyleHistogram = reader.bytes();
                            message.value = "obsoleteOldStyleHistogram";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.image = $root.tensorboard.Summary.Image.decode(reader, reader.size(), $undefined, _depth + 1, message.image);
                            message.value = "image";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.histo = $root.tensorboard.HistogramProto.decode(reader, reader.size(), $undefined, _depth + 1, message.histo);
                            message.value = "histo";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.audio = $root.tensorboard.Summary.Audio.decode(reader, reader.size(), $undefined, _depth + 1, message.audio);
                            message.value = "audio";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.tensor = $root.tensorboard.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensor);
                            message.value = "tensor";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Value.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.Summary.Value)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.Summary.Value: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.Summary.Value();
                if (object.nodeName != null)
                    if (typeof object.nodeName !== "string" || object.nodeName.length)
                        message.nodeName = $String(object.nodeName);
                if (object.tag != null)
                    if (typeof object.tag !== "string" || object.tag.length)
                        message.tag = $String(object.tag);
                if (object.metadata != null) {
                    if (!$util.isObject(object.metadata))
                        throw $TypeError(".tensorboard.Summary.Value.metadata: object expected");
                    message.metadata = $root.tensorboard.SummaryMetadata.fromObject(object.metadata, _depth + 1);
                }
                if (object.simpleValue != null)
                    message.simpleValue = $Number(object.simpleValue);
                if (object.obsoleteOldStyleHistogram != null)
                    if (typeof object.obsoleteOldStyleHistogram === "string")
                        $util.base64.decode(object.obsoleteOldStyleHistogram, message.obsoleteOldStyleHistogram = $util.newBuffer($util.base64.length(object.obsoleteOldStyleHistogram)), 0);
                    else if (object.obsoleteOldStyleHistogram.length >= 0)
                        message.obsoleteOldStyleHistogram = object.obsoleteOldStyleHistogram;
                if (object.image != null) {
                    if (!$util.isObject(object.image))
                        throw $TypeError(".tensorboard.Summary.Value.image: object expected");
                    message.image = $root.tensorboard.Summary.Image.fromObject(object.image, _depth + 1);
                }
                if (object.histo != null) {
                    if (!$util.isObject(object.histo))
                        throw $TypeError(".tensorboard.Summary.Value.histo: object expected");
                    message.histo = $root.tensorboard.HistogramProto.fromObject(object.histo, _depth + 1);
                }
                if (object.audio != null) {
                    if (!$util.isObject(object.audio))
                        throw $TypeError(".tensorboard.Summary.Value.audio: object expected");
                    message.audio = $root.tensorboard.Summary.Audio.fromObject(object.audio, _depth + 1);
                }
                if (object.tensor != null) {
                    if (!$util.isObject(object.tensor))
                        throw $TypeError(".tensorboard.Summary.Value.tensor: object expected");
                    message.tensor = $root.tensorboard.TensorProto.fromObject(object.tensor, _depth + 1);
                }
                return message;
            };

            Value.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.tag = "";
                    object.nodeName = "";
                    object.metadata = null;
                }
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag"))
                    object.tag = message.tag;
                if (message.simpleValue != null && $Object.hasOwnProperty.call(message, "simpleValue")) {
                    object.simpleValue = options.json && !$isFinite(message.simpleValue) ? $String(message.simpleValue) : message.simpleValue;
                    if (options.oneofs)
                        object.value = "simpleValue";
                }
                if (message.obsoleteOldStyleHistogram != null && $Object.hasOwnProperty.call(message, "obsoleteOldStyleHistogram")) {
                    object.obsoleteOldStyleHistogram = options.bytes === $String ? $util.base64.encode(message.obsoleteOldStyleHistogram, 0, message.obsoleteOldStyleHistogram.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.obsoleteOldStyleHistogram) : message.obsoleteOldStyleHistogram;
                    if (options.oneofs)
                        object.value = "obsoleteOldStyleHistogram";
                }
                if (message.image != null && $Object.hasOwnProperty.call(message, "image")) {
                    object.image = $root.tensorboard.Summary.Image.toObject(message.image, options, _depth + 1);
                    if (options.oneofs)
                        object.value = "image";
                }
                if (message.histo != null && $Object.hasOwnProperty.call(message, "histo")) {
                    object.histo = $root.tensorboard.HistogramProto.toObject(message.histo, options, _depth + 1);
                    if (options.oneofs)
                        object.value = "histo";
                }
                if (message.audio != null && $Object.hasOwnProperty.call(message, "audio")) {
                    object.audio = $root.tensorboard.Summary.Audio.toObject(message.audio, options, _depth + 1);
                    if (options.oneofs)
                        object.value = "audio";
                }
                if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName"))
                    object.nodeName = message.nodeName;
                if (message.tensor != null && $Object.hasOwnProperty.call(message, "tensor")) {
                    object.tensor = $root.tensorboard.TensorProto.toObject(message.tensor, options, _depth + 1);
                    if (options.oneofs)
                        object.value = "tensor";
                }
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    object.metadata = $root.tensorboard.SummaryMetadata.toObject(message.metadata, options, _depth + 1);
                return object;
            };

            Value.prototype.toJSON = function() {
                return Value.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Value;
        })();

        return Summary;
    })();

    tensorboard.HistogramProto = (function() {

        var HistogramProto = function (properties) {
            this.bucketLimit = [];
            this.bucket = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        HistogramProto.prototype.min = 0;
        HistogramProto.prototype.max = 0;
        HistogramProto.prototype.num = 0;
        HistogramProto.prototype.sum = 0;
        HistogramProto.prototype.sumSquares = 0;
        HistogramProto.prototype.bucketLimit = $util.emptyArray;
        HistogramProto.prototype.bucket = $util.emptyArray;

        HistogramProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.min != null && $Object.hasOwnProperty.call(message, "min") && !$Object.is(message.min, 0))
                writer.uint32(9).double(message.min);
            if (message.max != null && $Object.hasOwnProperty.call(message, "max") && !$Object.is(message.max, 0))
                writer.uint32(17).double(message.max);
            if (message.num != null && $Object.hasOwnProperty.call(message, "num") && !$Object.is(message.num, 0))
                writer.uint32(25).double(message.num);
            if (message.sum != null && $Object.hasOwnProperty.call(message, "sum") && !$Object.is(message.sum, 0))
                writer.uint32(33).double(message.sum);
            if (message.sumSquares != null && $Object.hasOwnProperty.call(message, "sumSquares") && !$Object.is(message.sumSquares, 0))
                writer.uint32(41).double(message.sumSquares);
            if (message.bucketLimit != null && message.bucketLimit.length)
                writer.uint32(50).doubles(message.bucketLimit);
            if (message.bucket != null && message.bucket.length)
                writer.uint32(58).doubles(message.bucket);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        HistogramProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.HistogramProto();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.min = value;
                        else
                            delete message.min;
                        continue;
                    }
                case 2: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.max = value;
                        else
                            delete message.max;
                        continue;
                    }
                case 3: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.num = value;
                        else
                            delete message.num;
                        continue;
                    }
                case 4: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.sum = value;
                        else
                            delete message.sum;
                        continue;
                    }
                case 5: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.sumSquares = value;
                        else
                            delete message.sumSquares;
                        continue;
                    }
                case 6: {
                        if (wireType === 2) {
                            if (!(message.bucketLimit && message.bucketLimit.length))
                                message.bucketLimit = [];
                            reader.doubles(message.bucketLimit);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.bucketLimit && message.bucketLimit.length))
                            message.bucketLimit = [];
                        message.bucketLimit.push(reader.double());
                        continue;
                    }
                case 7: {
                        if (wireType === 2) {
                            if (!(message.bucket && message.bucket.length))
                                message.bucket = [];
                            reader.doubles(message.bucket);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.bucket && message.bucket.length))
                            message.bucket = [];
                        message.bucket.push(reader.double());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        HistogramProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.HistogramProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.HistogramProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.HistogramProto();
            if (object.min != null)
                if (!$Object.is($Number(object.min), 0))
                    message.min = $Number(object.min);
            if (object.max != null)
                if (!$Object.is($Number(object.max), 0))
                    message.max = $Number(object.max);
            if (object.num != null)
                if (!$Object.is($Number(object.num), 0))
                    message.num = $Number(object.num);
            if (object.sum != null)
                if (!$Object.is($Number(object.sum), 0))
                    message.sum = $Number(object.sum);
            if (object.sumSquares != null)
                if (!$Object.is($Number(object.sumSquares), 0))
                    message.sumSquares = $Number(object.sumSquares);
            if (object.bucketLimit) {
                if (!$Array.isArray(object.bucketLimit))
                    throw $TypeError(".tensorboard.HistogramProto.bucketLimit: array expected");
                message.bucketLimit = $Array(object.bucketLimit.length);
                for (var i = 0; i < object.bucketLimit.length; ++i)
                    message.bucketLimit[i] = $Number(object.bucketLimit[i]);
            }
            if (object.bucket) {
                if (!$Array.isArray(object.bucket))
                    throw $TypeError(".tensorboard.HistogramProto.bucket: array expected");
                message.bucket = $Array(object.bucket.length);
                for (var i = 0; i < object.bucket.length; ++i)
                    message.bucket[i] = $Number(object.bucket[i]);
            }
            return message;
        };

        HistogramProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults) {
                object.bucketLimit = [];
                object.bucket = [];
            }
            if (options.defaults) {
                object.min = 0;
                object.max = 0;
                object.num = 0;
                object.sum = 0;
                object.sumSquares = 0;
            }
            if (message.min != null && $Object.hasOwnProperty.call(message, "min"))
                object.min = options.json && !$isFinite(message.min) ? $String(message.min) : message.min;
            if (message.max != null && $Object.hasOwnProperty.call(message, "max"))
                object.max = options.json && !$isFinite(message.max) ? $String(message.max) : message.max;
            if (message.num != null && $Object.hasOwnProperty.call(message, "num"))
                object.num = options.json && !$isFinite(message.num) ? $String(message.num) : message.num;
            if (message.sum != null && $Object.hasOwnProperty.call(message, "sum"))
                object.sum = options.json && !$isFinite(message.sum) ? $String(message.sum) : message.sum;
            if (message.sumSquares != null && $Object.hasOwnProperty.call(message, "sumSquares"))
                object.sumSquares = options.json && !$isFinite(message.sumSquares) ? $String(message.sumSquares) : message.sumSquares;
            if (message.bucketLimit && message.bucketLimit.length) {
                object.bucketLimit = $Array(message.bucketLimit.length);
                for (var j = 0; j < message.bucketLimit.length; ++j)
                    object.bucketLimit[j] = options.json && !$isFinite(message.bucketLimit[j]) ? $String(message.bucketLimit[j]) : message.bucketLimit[j];
            }
            if (message.bucket && message.bucket.length) {
                object.bucket = $Array(message.bucket.length);
                for (var j = 0; j < message.bucket.length; ++j)
                    object.bucket[j] = options.json && !$isFinite(message.bucket[j]) ? $String(message.bucket[j]) : message.bucket[j];
            }
            return object;
        };

        HistogramProto.prototype.toJSON = function() {
            return HistogramProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        return HistogramProto;
    })();

    tensorboard.TensorProto = (function() {

        var TensorProto = function (properties) {
            this.halfVal = [];
            this.floatVal = [];
            this.doubleVal = [];
            this.intVal = [];
            this.stringVal = [];
            this.scomplexVal = [];
            this.int64Val = [];
            this.boolVal = [];
            this.dcomplexVal = [];
            this.resourceHandleVal = [];
            this.variantVal = [];
            this.uint32Val = [];
            this.uint64Val = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TensorProto.prototype.dtype = 0;
        TensorProto.prototype.tensorShape = null;
        TensorProto.prototype.versionNumber = 0;
        TensorProto.prototype.tensorContent = $util.newBuffer([]);
        TensorProto.prototype.halfVal = $util.emptyArray;
        TensorProto.prototype.floatVal = $util.emptyArray;
        TensorProto.prototype.doubleVal = $util.emptyArray;
        TensorProto.prototype.intVal = $util.emptyArray;
        TensorProto.prototype.stringVal = $util.emptyArray;
        TensorProto.prototype.scomplexVal = $util.emptyArray;
        TensorProto.prototype.int64Val = $util.emptyArray;
        TensorProto.prototype.boolVal = $util.emptyArray;
        TensorProto.prototype.dcomplexVal = $util.emptyArray;
        TensorProto.prototype.resourceHandleVal = $util.emptyArray;
        TensorProto.prototype.variantVal = $util.emptyArray;
        TensorProto.prototype.uint32Val = $util.emptyArray;
        TensorProto.prototype.uint64Val = $util.emptyArray;
        TensorProto.prototype.float8Val = $util.newBuffer([]);

        TensorProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                writer.uint32(8).int32(message.dtype);
            if (message.tensorShape != null && $Object.hasOwnProperty.call(message, "tensorShape"))
                $root.tensorboard.TensorShapeProto.encode(message.tensorShape, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.versionNumber != null && $Object.hasOwnProperty.call(message, "versionNumber") && message.versionNumber !== 0)
                writer.uint32(24).int32(message.versionNumber);
            if (message.tensorContent != null && $Object.hasOwnProperty.call(message, "tensorContent") && message.tensorContent.length)
                writer.uint32(34).bytes(message.tensorContent);
            if (message.floatVal != null && message.floatVal.length)
                writer.uint32(42).floats(message.floatVal);
            if (message.doubleVal != null && message.doubleVal.length)
                writer.uint32(50).doubles(message.doubleVal);
            if (message.intVal != null && message.intVal.length)
                writer.uint32(58).int32s(message.intVal);
            if (message.stringVal != null && message.stringVal.length)
                for (var i = 0; i < message.stringVal.length; ++i)
                    writer.uint32(66).bytes(message.stringVal[i]);
            if (message.scomplexVal != null && message.scomplexVal.length)
                writer.uint32(74).floats(message.scomplexVal);
            if (message.int64Val != null && message.int64Val.length)
                writer.uint32(82).int64s(message.int64Val);
            if (message.boolVal != null && message.boolVal.length)
                writer.uint32(90).bools(message.boolVal);
            if (message.dcomplexVal != null && message.dcomplexVal.length)
                writer.uint32(98).doubles(message.dcomplexVal);
            if (message.halfVal != null && message.halfVal.length)
                writer.uint32(106).int32s(message.halfVal);
            if (message.resourceHandleVal != null && message.resourceHandleVal.length)
                for (var i = 0; i < message.resourceHandleVal.length; ++i)
                    $root.tensorboard.ResourceHandleProto.encode(message.resourceHandleVal[i], writer.uint32(114).fork(), _depth + 1).ldelim();
            if (message.variantVal != null && message.variantVal.length)
                for (var i = 0; i < message.variantVal.length; ++i)
                    $root.tensorboard.VariantTensorDataProto.encode(message.variantVal[i], writer.uint32(122).fork(), _depth + 1).ldelim();
            if (message.uint32Val != null && message.uint32Val.length)
                writer.uint32(130).uint32s(message.uint32Val);
            if (message.uint64Val != null && message.uint64Val.length)
                writer.uint32(138).uint64s(message.uint64Val);
            if (message.float8Val != null && $Object.hasOwnProperty.call(message, "float8Val") && message.float8Val.length)
                writer.uint32(146).bytes(message.float8Val);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TensorProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.TensorProto();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.tensorShape = $root.tensorboard.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensorShape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.versionNumber = value;
                        else
                            delete message.versionNumber;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.tensorContent = value;
                        else
                            delete message.tensorContent;
                        continue;
                    }
                case 13: {
                        if (wireType === 2) {
                            if (!(message.halfVal && message.halfVal.length))
                                message.halfVal = [];
                            reader.int32s(message.halfVal);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.halfVal && message.halfVal.length))
                            message.halfVal = [];
                        message.halfVal.push(reader.int32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.floatVal && message.floatVal.length))
                                message.floatVal = [];
                            reader.floats(message.floatVal);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.floatVal && message.floatVal.length))
                            message.floatVal = [];
                        message.floatVal.push(reader.float());
                        continue;
                    }
                case 6: {
                        if (wireType === 2) {
                            if (!(message.doubleVal && message.doubleVal.length))
                                message.doubleVal = [];
                            reader.doubles(message.doubleVal);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.doubleVal && message.doubleVal.length))
                            message.doubleVal = [];
                        message.doubleVal.push(reader.double());
                        continue;
                    }
                case 7: {
                        if (wireType === 2) {
                            if (!(message.intVal && message.intVal.length))
                                message.intVal = [];
                            reader.int32s(message.intVal);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.intVal && message.intVal.length))
                            message.intVal = [];
                        message.intVal.push(reader.int32());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.stringVal && message.stringVal.length))
                            message.stringVal = [];
                        message.stringVal.push(reader.bytes());
                        continue;
                    }
                case 9: {
                        if (wireType === 2) {
                            if (!(message.scomplexVal && message.scomplexVal.length))
                                message.scomplexVal = [];
                            reader.floats(message.scomplexVal);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.scomplexVal && message.scomplexVal.length))
                            message.scomplexVal = [];
                        message.scomplexVal.push(reader.float());
                        continue;
                    }
                case 10: {
                        if (wireType === 2) {
                            if (!(message.int64Val && message.int64Val.length))
                                message.int64Val = [];
                            reader.int64s(message.int64Val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.int64Val && message.int64Val.length))
                            message.int64Val = [];
                        message.int64Val.push(reader.int64());
                        continue;
                    }
                case 11: {
                        if (wireType === 2) {
                            if (!(message.boolVal && message.boolVal.length))
                                message.boolVal = [];
                            reader.bools(message.boolVal);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.boolVal && message.boolVal.length))
                            message.boolVal = [];
                        message.boolVal.push(reader.bool());
                        continue;
                    }
                case 12: {
                        if (wireType === 2) {
                            if (!(message.dcomplexVal && message.dcomplexVal.length))
                                message.dcomplexVal = [];
                            reader.doubles(message.dcomplexVal);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.dcomplexVal && message.dcomplexVal.length))
                            message.dcomplexVal = [];
                        message.dcomplexVal.push(reader.double());
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        if (!(message.resourceHandleVal && message.resourceHandleVal.length))
                            message.resourceHandleVal = [];
                        message.resourceHandleVal.push($root.tensorboard.ResourceHandleProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        if (!(message.variantVal && message.variantVal.length))
                            message.variantVal = [];
                        message.variantVal.push($root.tensorboard.VariantTensorDataProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 16: {
                        if (wireType === 2) {
                            if (!(message.uint32Val && message.uint32Val.length))
                                message.uint32Val = [];
                            reader.uint32s(message.uint32Val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.uint32Val && message.uint32Val.length))
                            message.uint32Val = [];
                        message.uint32Val.push(reader.uint32());
                        continue;
                    }
                case 17: {
                        if (wireType === 2) {
                            if (!(message.uint64Val && message.uint64Val.length))
                                message.uint64Val = [];
                            reader.uint64s(message.uint64Val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.uint64Val && message.uint64Val.length))
                            message.uint64Val = [];
                        message.uint64Val.push(reader.uint64());
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.float8Val = value;
                        else
                            delete message.float8Val;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TensorProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.TensorProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.TensorProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.TensorProto();
            if (object.dtype !== 0 && (typeof object.dtype !== "string" || $root.tensorboard.DataType[object.dtype] !== 0))
                switch (object.dtype) {
                case "DT_INVALID":
                case 0:
                    message.dtype = 0;
                    break;
                case "DT_FLOAT":
                case 1:
                    message.dtype = 1;
                    break;
                case "DT_DOUBLE":
                case 2:
                    message.dtype = 2;
                    break;
                case "DT_INT32":
                case 3:
                    message.dtype = 3;
                    break;
                case "DT_UINT8":
                case 4:
                    message.dtype = 4;
                    break;
                case "DT_INT16":
                case 5:
                    message.dtype = 5;
                    break;
                case "DT_INT8":
                case 6:
                    message.dtype = 6;
                    break;
                case "DT_STRING":
                case 7:
                    message.dtype = 7;
                    break;
                case "DT_COMPLEX64":
                case 8:
                    message.dtype = 8;
                    break;
                case "DT_INT64":
                case 9:
                    message.dtype = 9;
                    break;
                case "DT_BOOL":
                case 10:
                    message.dtype = 10;
                    break;
                case "DT_QINT8":
                case 11:
                    message.dtype = 11;
                    break;
                case "DT_QUINT8":
                case 12:
                    message.dtype = 12;
                    break;
                case "DT_QINT32":
                case 13:
                    message.dtype = 13;
                    break;
                case "DT_BFLOAT16":
                case 14:
                    message.dtype = 14;
                    break;
                case "DT_QINT16":
                case 15:
                    message.dtype = 15;
                    break;
                case "DT_QUINT16":
                case 16:
                    message.dtype = 16;
                    break;
                case "DT_UINT16":
                case 17:
                    message.dtype = 17;
                    break;
                case "DT_COMPLEX128":
                case 18:
                    message.dtype = 18;
                    break;
                case "DT_HALF":
                case 19:
                    message.dtype = 19;
                    break;
                case "DT_RESOURCE":
                case 20:
                    message.dtype = 20;
                    break;
                case "DT_VARIANT":
                case 21:
                    message.dtype = 21;
                    break;
                case "DT_UINT32":
                case 22:
                    message.dtype = 22;
                    break;
                case "DT_UINT64":
                case 23:
                    message.dtype = 23;
                    break;
                case "DT_FLOAT8_E5M2":
                case 24:
                    message.dtype = 24;
                    break;
                case "DT_FLOAT8_E4M3FN":
                case 25:
                    message.dtype = 25;
                    break;
                case "DT_FLOAT8_E4M3FNUZ":
                case 26:
                    message.dtype = 26;
                    break;
                case "DT_FLOAT8_E4M3B11FNUZ":
                case 27:
                    message.dtype = 27;
                    break;
                case "DT_FLOAT8_E5M2FNUZ":
                case 28:
                    message.dtype = 28;
                    break;
                case "DT_INT4":
                case 29:
                    message.dtype = 29;
                    break;
                case "DT_UINT4":
                case 30:
                    message.dtype = 30;
                    break;
                case "DT_INT2":
                case 31:
                    message.dtype = 31;
                    break;
                case "DT_UINT2":
                case 32:
                    message.dtype = 32;
                    break;
                case "DT_FLOAT4_E2M1FN":
                case 33:
                    message.dtype = 33;
                    break;
                case "DT_FLOAT_REF":
                case 101:
                    message.dtype = 101;
                    break;
                case "DT_DOUBLE_REF":
                case 102:
                    message.dtype = 102;
                    break;
                case "DT_INT32_REF":
                case 103:
                    message.dtype = 103;
                    break;
                case "DT_UINT8_REF":
                case 104:
                    message.dtype = 104;
                    break;
                case "DT_INT16_REF":
                case 105:
                    message.dtype = 105;
                    break;
                case "DT_INT8_REF":
                case 106:
                    message.dtype = 106;
                    break;
                case "DT_STRING_REF":
                case 107:
                    message.dtype = 107;
                    break;
                case "DT_COMPLEX64_REF":
                case 108:
                    message.dtype = 108;
                    break;
                case "DT_INT64_REF":
                case 109:
                    message.dtype = 109;
                    break;
                case "DT_BOOL_REF":
                case 110:
                    message.dtype = 110;
                    break;
                case "DT_QINT8_REF":
                case 111:
                    message.dtype = 111;
                    break;
                case "DT_QUINT8_REF":
                case 112:
                    message.dtype = 112;
                    break;
                case "DT_QINT32_REF":
                case 113:
                    message.dtype = 113;
                    break;
                case "DT_BFLOAT16_REF":
                case 114:
                    message.dtype = 114;
                    break;
                case "DT_QINT16_REF":
                case 115:
                    message.dtype = 115;
                    break;
                case "DT_QUINT16_REF":
                case 116:
                    message.dtype = 116;
                    break;
                case "DT_UINT16_REF":
                case 117:
                    message.dtype = 117;
                    break;
                case "DT_COMPLEX128_REF":
                case 118:
                    message.dtype = 118;
                    break;
                case "DT_HALF_REF":
                case 119:
                    message.dtype = 119;
                    break;
                case "DT_RESOURCE_REF":
                case 120:
                    message.dtype = 120;
                    break;
                case "DT_VARIANT_REF":
                case 121:
                    message.dtype = 121;
                    break;
                case "DT_UINT32_REF":
                case 122:
                    message.dtype = 122;
                    break;
                case "DT_UINT64_REF":
                case 123:
                    message.dtype = 123;
                    break;
                case "DT_FLOAT8_E5M2_REF":
                case 124:
                    message.dtype = 124;
                    break;
                case "DT_FLOAT8_E4M3FN_REF":
                case 125:
                    message.dtype = 125;
                    break;
                case "DT_FLOAT8_E4M3FNUZ_REF":
                case 126:
                    message.dtype = 126;
                    break;
                case "DT_FLOAT8_E4M3B11FNUZ_REF":
                case 127:
                    message.dtype = 127;
                    break;
                case "DT_FLOAT8_E5M2FNUZ_REF":
                case 128:
                    message.dtype = 128;
                    break;
                case "DT_INT4_REF":
                case 129:
                    message.dtype = 129;
                    break;
                case "DT_UINT4_REF":
                case 130:
                    message.dtype = 130;
                    break;
                case "DT_INT2_REF":
                case 131:
                    message.dtype = 131;
                    break;
                case "DT_UINT2_REF":
                case 132:
                    message.dtype = 132;
                    break;
                case "DT_FLOAT4_E2M1FN_REF":
                case 133:
                    message.dtype = 133;
                    break;
                default:
                    if (typeof object.dtype === "number" && (object.dtype | 0) === object.dtype)
                        message.dtype = object.dtype;
                }
            if (object.tensorShape != null) {
                if (!$util.isObject(object.tensorShape))
                    throw $TypeError(".tensorboard.TensorProto.tensorShape: object expected");
                message.tensorShape = $root.tensorboard.TensorShapeProto.fromObject(object.tensorShape, _depth + 1);
            }
            if (object.versionNumber != null)
                if ($Number(object.versionNumber) !== 0)
                    message.versionNumber = object.versionNumber | 0;
            if (object.tensorContent != null)
                if (object.tensorContent.length)
                    if (typeof object.tensorContent === "string")
                        $util.base64.decode(object.tensorContent, message.tensorContent = $util.newBuffer($util.base64.length(object.tensorContent)), 0);
                    else if (object.tensorContent.length >= 0)
                        message.tensorContent = object.tensorContent;
            if (object.halfVal) {
                if (!$Array.isArray(object.halfVal))
                    throw $TypeError(".tensorboard.TensorProto.halfVal: array expected");
                message.halfVal = $Array(object.halfVal.length);
                for (var i = 0; i < object.halfVal.length; ++i)
                    message.halfVal[i] = object.halfVal[i] | 0;
            }
            if (object.floatVal) {
                if (!$Array.isArray(object.floatVal))
                    throw $TypeError(".tensorboard.TensorProto.floatVal: array expected");
                message.floatVal = $Array(object.floatVal.length);
                for (var i = 0; i < object.floatVal.length; ++i)
                    message.floatVal[i] = $Number(object.floatVal[i]);
            }
            if (object.doubleVal) {
                if (!$Array.isArray(object.doubleVal))
                    throw $TypeError(".tensorboard.TensorProto.doubleVal: array expected");
                message.doubleVal = $Array(object.doubleVal.length);
                for (var i = 0; i < object.doubleVal.length; ++i)
                    message.doubleVal[i] = $Number(object.doubleVal[i]);
            }
            if (object.intVal) {
                if (!$Array.isArray(object.intVal))
                    throw $TypeError(".tensorboard.TensorProto.intVal: array expected");
                message.intVal = $Array(object.intVal.length);
                for (var i = 0; i < object.intVal.length; ++i)
                    message.intVal[i] = object.intVal[i] | 0;
            }
            if (object.stringVal) {
                if (!$Array.isArray(object.stringVal))
                    throw $TypeError(".tensorboard.TensorProto.stringVal: array expected");
                message.stringVal = $Array(object.stringVal.length);
                for (var i = 0; i < object.stringVal.length; ++i)
                    if (typeof object.stringVal[i] === "string")
                        $util.base64.decode(object.stringVal[i], message.stringVal[i] = $util.newBuffer($util.base64.length(object.stringVal[i])), 0);
                    else if (object.stringVal[i].length >= 0)
                        message.stringVal[i] = object.stringVal[i];
            }
            if (object.scomplexVal) {
                if (!$Array.isArray(object.scomplexVal))
                    throw $TypeError(".tensorboard.TensorProto.scomplexVal: array expected");
                message.scomplexVal = $Array(object.scomplexVal.length);
                for (var i = 0; i < object.scomplexVal.length; ++i)
                    message.scomplexVal[i] = $Number(object.scomplexVal[i]);
            }
            if (object.int64Val) {
                if (!$Array.isArray(object.int64Val))
                    throw $TypeError(".tensorboard.TensorProto.int64Val: array expected");
                message.int64Val = $Array(object.int64Val.length);
                for (var i = 0; i < object.int64Val.length; ++i)
                    if ($util.Long)
                        message.int64Val[i] = $util.Long.fromValue(object.int64Val[i], false);
                    else if (typeof object.int64Val[i] === "string")
                        message.int64Val[i] = $parseInt(object.int64Val[i], 10);
                    else if (typeof object.int64Val[i] === "number")
                        message.int64Val[i] = object.int64Val[i];
                    else if (typeof object.int64Val[i] === "object")
                        message.int64Val[i] = new $util.LongBits(object.int64Val[i].low >>> 0, object.int64Val[i].high >>> 0).toNumber();
            }
            if (object.boolVal) {
                if (!$Array.isArray(object.boolVal))
                    throw $TypeError(".tensorboard.TensorProto.boolVal: array expected");
                message.boolVal = $Array(object.boolVal.length);
                for (var i = 0; i < object.boolVal.length; ++i)
                    message.boolVal[i] = $Boolean(object.boolVal[i]);
            }
            if (object.dcomplexVal) {
                if (!$Array.isArray(object.dcomplexVal))
                    throw $TypeError(".tensorboard.TensorProto.dcomplexVal: array expected");
                message.dcomplexVal = $Array(object.dcomplexVal.length);
                for (var i = 0; i < object.dcomplexVal.length; ++i)
                    message.dcomplexVal[i] = $Number(object.dcomplexVal[i]);
            }
            if (object.resourceHandleVal) {
                if (!$Array.isArray(object.resourceHandleVal))
                    throw $TypeError(".tensorboard.TensorProto.resourceHandleVal: array expected");
                message.resourceHandleVal = $Array(object.resourceHandleVal.length);
                for (var i = 0; i < object.resourceHandleVal.length; ++i) {
                    if (!$util.isObject(object.resourceHandleVal[i]))
                        throw $TypeError(".tensorboard.TensorProto.resourceHandleVal: object expected");
                    message.resourceHandleVal[i] = $root.tensorboard.ResourceHandleProto.fromObject(object.resourceHandleVal[i], _depth + 1);
                }
            }
            if (object.variantVal) {
                if (!$Array.isArray(object.variantVal))
                    throw $TypeError(".tensorboard.TensorProto.variantVal: array expected");
                message.variantVal = $Array(object.variantVal.length);
                for (var i = 0; i < object.variantVal.length; ++i) {
                    if (!$util.isObject(object.variantVal[i]))
                        throw $TypeError(".tensorboard.TensorProto.variantVal: object expected");
                    message.variantVal[i] = $root.tensorboard.VariantTensorDataProto.fromObject(object.variantVal[i], _depth + 1);
                }
            }
            if (object.uint32Val) {
                if (!$Array.isArray(object.uint32Val))
                    throw $TypeError(".tensorboard.TensorProto.uint32Val: array expected");
                message.uint32Val = $Array(object.uint32Val.length);
                for (var i = 0; i < object.uint32Val.length; ++i)
                    message.uint32Val[i] = object.uint32Val[i] >>> 0;
            }
            if (object.uint64Val) {
                if (!$Array.isArray(object.uint64Val))
                    throw $TypeError(".tensorboard.TensorProto.uint64Val: array expected");
                message.uint64Val = $Array(object.uint64Val.length);
                for (var i = 0; i < object.uint64Val.length; ++i)
                    if ($util.Long)
                        message.uint64Val[i] = $util.Long.fromValue(object.uint64Val[i], true);
                    else if (typeof object.uint64Val[i] === "string")
                        message.uint64Val[i] = $parseInt(object.uint64Val[i], 10);
                    else if (typeof object.uint64Val[i] === "number")
                        message.uint64Val[i] = object.uint64Val[i];
                    else if (typeof object.uint64Val[i] === "object")
                        message.uint64Val[i] = new $util.LongBits(object.uint64Val[i].low >>> 0, object.uint64Val[i].high >>> 0).toNumber(true);
            }
            if (object.float8Val != null)
                if (object.float8Val.length)
                    if (typeof object.float8Val === "string")
                        $util.base64.decode(object.float8Val, message.float8Val = $util.newBuffer($util.base64.length(object.float8Val)), 0);
                    else if (object.float8Val.length >= 0)
                        message.float8Val = object.float8Val;
            return message;
        };

        TensorProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults) {
                object.floatVal = [];
                object.doubleVal = [];
                object.intVal = [];
                object.stringVal = [];
                object.scomplexVal = [];
                object.int64Val = [];
                object.boolVal = [];
                object.dcomplexVal = [];
                object.halfVal = [];
                object.resourceHandleVal = [];
                object.variantVal = [];
                object.uint32Val = [];
                object.uint64Val = [];
            }
            if (options.defaults) {
                object.dtype = options.enums === $String ? "DT_INVALID" : 0;
                object.tensorShape = null;
                object.versionNumber = 0;
                if (options.bytes === $String)
                    object.tensorContent = "";
                else {
                    object.tensorContent = [];
                    if (options.bytes !== $Array)
                        object.tensorContent = $util.newBuffer(object.tensorContent);
                }
                if (options.bytes === $String)
                    object.float8Val = "";
                else {
                    object.float8Val = [];
                    if (options.bytes !== $Array)
                        object.float8Val = $util.newBuffer(object.float8Val);
                }
            }
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype"))
                object.dtype = options.enums === $String ? $root.tensorboard.DataType[message.dtype] === $undefined ? message.dtype : $root.tensorboard.DataType[message.dtype] : message.dtype;
            if (message.tensorShape != null && $Object.hasOwnProperty.call(message, "tensorShape"))
                object.tensorShape = $root.tensorboard.TensorShapeProto.toObject(message.tensorShape, options, _depth + 1);
            if (message.versionNumber != null && $Object.hasOwnProperty.call(message, "versionNumber"))
                object.versionNumber = message.versionNumber;
            if (message.tensorContent != null && $Object.hasOwnProperty.call(message, "tensorContent"))
                object.tensorContent = options.bytes === $String ? $util.base64.encode(message.tensorContent, 0, message.tensorContent.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.tensorContent) : message.tensorContent;
            if (message.floatVal && message.floatVal.length) {
                object.floatVal = $Array(message.floatVal.length);
                for (var j = 0; j < message.floatVal.length; ++j)
                    object.floatVal[j] = options.json && !$isFinite(message.floatVal[j]) ? $String(message.floatVal[j]) : message.floatVal[j];
            }
            if (message.doubleVal && message.doubleVal.length) {
                object.doubleVal = $Array(message.doubleVal.length);
                for (var j = 0; j < message.doubleVal.length; ++j)
                    object.doubleVal[j] = options.json && !$isFinite(message.doubleVal[j]) ? $String(message.doubleVal[j]) : message.doubleVal[j];
            }
            if (message.intVal && message.intVal.length) {
                object.intVal = $Array(message.intVal.length);
                for (var j = 0; j < message.intVal.length; ++j)
                    object.intVal[j] = message.intVal[j];
            }
            if (message.stringVal && message.stringVal.length) {
                object.stringVal = $Array(message.stringVal.length);
                for (var j = 0; j < message.stringVal.length; ++j)
                    object.stringVal[j] = options.bytes === $String ? $util.base64.encode(message.stringVal[j], 0, message.stringVal[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.stringVal[j]) : message.stringVal[j];
            }
            if (message.scomplexVal && message.scomplexVal.length) {
                object.scomplexVal = $Array(message.scomplexVal.length);
                for (var j = 0; j < message.scomplexVal.length; ++j)
                    object.scomplexVal[j] = options.json && !$isFinite(message.scomplexVal[j]) ? $String(message.scomplexVal[j]) : message.scomplexVal[j];
            }
            if (message.int64Val && message.int64Val.length) {
                object.int64Val = $Array(message.int64Val.length);
                for (var j = 0; j < message.int64Val.length; ++j)
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.int64Val[j] = typeof message.int64Val[j] === "number" ? $BigInt(message.int64Val[j]) : $util.Long.fromBits(message.int64Val[j].low >>> 0, message.int64Val[j].high >>> 0, false).toBigInt();
                    else if (typeof message.int64Val[j] === "number")
                        object.int64Val[j] = options.longs === $String ? $String(message.int64Val[j]) : message.int64Val[j];
                    else
                        object.int64Val[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.int64Val[j]) : options.longs === $Number ? new $util.LongBits(message.int64Val[j].low >>> 0, message.int64Val[j].high >>> 0).toNumber() : message.int64Val[j];
            }
            if (message.boolVal && message.boolVal.length) {
                object.boolVal = $Array(message.boolVal.length);
                for (var j = 0; j < message.boolVal.length; ++j)
                    object.boolVal[j] = message.boolVal[j];
            }
            if (message.dcomplexVal && message.dcomplexVal.length) {
                object.dcomplexVal = $Array(message.dcomplexVal.length);
                for (var j = 0; j < message.dcomplexVal.length; ++j)
                    object.dcomplexVal[j] = options.json && !$isFinite(message.dcomplexVal[j]) ? $String(message.dcomplexVal[j]) : message.dcomplexVal[j];
            }
            if (message.halfVal && message.halfVal.length) {
                object.halfVal = $Array(message.halfVal.length);
                for (var j = 0; j < message.halfVal.length; ++j)
                    object.halfVal[j] = message.halfVal[j];
            }
            if (message.resourceHandleVal && message.resourceHandleVal.length) {
                object.resourceHandleVal = $Array(message.resourceHandleVal.length);
                for (var j = 0; j < message.resourceHandleVal.length; ++j)
                    object.resourceHandleVal[j] = $root.tensorboard.ResourceHandleProto.toObject(message.resourceHandleVal[j], options, _depth + 1);
            }
            if (message.variantVal && message.variantVal.length) {
                object.variantVal = $Array(message.variantVal.length);
                for (var j = 0; j < message.variantVal.length; ++j)
                    object.variantVal[j] = $root.tensorboard.VariantTensorDataProto.toObject(message.variantVal[j], options, _depth + 1);
            }
            if (message.uint32Val && message.uint32Val.length) {
                object.uint32Val = $Array(message.uint32Val.length);
                for (var j = 0; j < message.uint32Val.length; ++j)
                    object.uint32Val[j] = message.uint32Val[j];
            }
            if (message.uint64Val && message.uint64Val.length) {
                object.uint64Val = $Array(message.uint64Val.length);
                for (var j = 0; j < message.uint64Val.length; ++j)
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.uint64Val[j] = typeof message.uint64Val[j] === "number" ? $BigInt(message.uint64Val[j]) : $util.Long.fromBits(message.uint64Val[j].low >>> 0, message.uint64Val[j].high >>> 0, true).toBigInt();
                    else if (typeof message.uint64Val[j] === "number")
                        object.uint64Val[j] = options.longs === $String ? $String(message.uint64Val[j]) : message.uint64Val[j];
                    else
                        object.uint64Val[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.uint64Val[j]) : options.longs === $Number ? new $util.LongBits(message.uint64Val[j].low >>> 0, message.uint64Val[j].high >>> 0).toNumber(true) : message.uint64Val[j];
            }
            if (message.float8Val != null && $Object.hasOwnProperty.call(message, "float8Val"))
                object.float8Val = options.bytes === $String ? $util.base64.encode(message.float8Val, 0, message.float8Val.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.float8Val) : message.float8Val;
            return object;
        };

        TensorProto.prototype.toJSON = function() {
            return TensorProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        return TensorProto;
    })();

    tensorboard.VariantTensorDataProto = (function() {

        var VariantTensorDataProto = function (properties) {
            this.tensors = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        VariantTensorDataProto.prototype.typeName = "";
        VariantTensorDataProto.prototype.metadata = $util.newBuffer([]);
        VariantTensorDataProto.prototype.tensors = $util.emptyArray;

        VariantTensorDataProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.typeName != null && $Object.hasOwnProperty.call(message, "typeName") && message.typeName !== "")
                writer.uint32(10).string(message.typeName);
            if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata") && message.metadata.length)
                writer.uint32(18).bytes(message.metadata);
            if (message.tensors != null && message.tensors.length)
                for (var i = 0; i < message.tensors.length; ++i)
                    $root.tensorboard.TensorProto.encode(message.tensors[i], writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        VariantTensorDataProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.VariantTensorDataProto();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.typeName = value;
                        else
                            delete message.typeName;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.metadata = value;
                        else
                            delete message.metadata;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tensors && message.tensors.length))
                            message.tensors = [];
                        message.tensors.push($root.tensorboard.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        VariantTensorDataProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.VariantTensorDataProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.VariantTensorDataProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.VariantTensorDataProto();
            if (object.typeName != null)
                if (typeof object.typeName !== "string" || object.typeName.length)
                    message.typeName = $String(object.typeName);
            if (object.metadata != null)
                if (object.metadata.length)
                    if (typeof object.metadata === "string")
                        $util.base64.decode(object.metadata, message.metadata = $util.newBuffer($util.base64.length(object.metadata)), 0);
                    else if (object.metadata.length >= 0)
                        message.metadata = object.metadata;
            if (object.tensors) {
                if (!$Array.isArray(object.tensors))
                    throw $TypeError(".tensorboard.VariantTensorDataProto.tensors: array expected");
                message.tensors = $Array(object.tensors.length);
                for (var i = 0; i < object.tensors.length; ++i) {
                    if (!$util.isObject(object.tensors[i]))
                        throw $TypeError(".tensorboard.VariantTensorDataProto.tensors: object expected");
                    message.tensors[i] = $root.tensorboard.TensorProto.fromObject(object.tensors[i], _depth + 1);
                }
            }
            return message;
        };

        VariantTensorDataProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults)
                object.tensors = [];
            if (options.defaults) {
                object.typeName = "";
                if (options.bytes === $String)
                    object.metadata = "";
                else {
                    object.metadata = [];
                    if (options.bytes !== $Array)
                        object.metadata = $util.newBuffer(object.metadata);
                }
            }
            if (message.typeName != null && $Object.hasOwnProperty.call(message, "typeName"))
                object.typeName = message.typeName;
            if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                object.metadata = options.bytes === $String ? $util.base64.encode(message.metadata, 0, message.metadata.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.metadata) : message.metadata;
            if (message.tensors && message.tensors.length) {
                object.tensors = $Array(message.tensors.length);
                for (var j = 0; j < message.tensors.length; ++j)
                    object.tensors[j] = $root.tensorboard.TensorProto.toObject(message.tensors[j], options, _depth + 1);
            }
            return object;
        };

        VariantTensorDataProto.prototype.toJSON = function() {
            return VariantTensorDataProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        return VariantTensorDataProto;
    })();

    tensorboard.ResourceHandleProto = (function() {

        var ResourceHandleProto = function (properties) {
            this.dtypesAndShapes = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ResourceHandleProto.prototype.device = "";
        ResourceHandleProto.prototype.container = "";
        ResourceHandleProto.prototype.name = "";
        ResourceHandleProto.prototype.hashCode = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        ResourceHandleProto.prototype.maybeTypeName = "";
        ResourceHandleProto.prototype.dtypesAndShapes = $util.emptyArray;

        ResourceHandleProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                writer.uint32(10).string(message.device);
            if (message.container != null && $Object.hasOwnProperty.call(message, "container") && message.container !== "")
                writer.uint32(18).string(message.container);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(26).string(message.name);
            if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode") && (typeof message.hashCode === "object" ? message.hashCode.low || message.hashCode.high : message.hashCode !== 0))
                writer.uint32(32).uint64(message.hashCode);
            if (message.maybeTypeName != null && $Object.hasOwnProperty.call(message, "maybeTypeName") && message.maybeTypeName !== "")
                writer.uint32(42).string(message.maybeTypeName);
            if (message.dtypesAndShapes != null && message.dtypesAndShapes.length)
                for (var i = 0; i < message.dtypesAndShapes.length; ++i)
                    $root.tensorboard.ResourceHandleProto.DtypeAndShape.encode(message.dtypesAndShapes[i], writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ResourceHandleProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.ResourceHandleProto();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.device = value;
                        else
                            delete message.device;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.container = value;
                        else
                            delete message.container;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.hashCode = value;
                        else
                            delete message.hashCode;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.maybeTypeName = value;
                        else
                            delete message.maybeTypeName;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dtypesAndShapes && message.dtypesAndShapes.length))
                            message.dtypesAndShapes = [];
                        message.dtypesAndShapes.push($root.tensorboard.ResourceHandleProto.DtypeAndShape.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        ResourceHandleProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.ResourceHandleProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.ResourceHandleProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.ResourceHandleProto();
            if (object.device != null)
                if (typeof object.device !== "string" || object.device.length)
                    message.device = $String(object.device);
            if (object.container != null)
                if (typeof object.container !== "string" || object.container.length)
                    message.container = $String(object.container);
            if (object.name != null)
                if (typeof object.name !== "string" || object.name.length)
                    message.name = $String(object.name);
            if (object.hashCode != null)
                if (typeof object.hashCode === "object" ? object.hashCode.low || object.hashCode.high : $Number(object.hashCode) !== 0)
                    if ($util.Long)
                        message.hashCode = $util.Long.fromValue(object.hashCode, true);
                    else if (typeof object.hashCode === "string")
                        message.hashCode = $parseInt(object.hashCode, 10);
                    else if (typeof object.hashCode === "number")
                        message.hashCode = object.hashCode;
                    else if (typeof object.hashCode === "object")
                        message.hashCode = new $util.LongBits(object.hashCode.low >>> 0, object.hashCode.high >>> 0).toNumber(true);
            if (object.maybeTypeName != null)
                if (typeof object.maybeTypeName !== "string" || object.maybeTypeName.length)
                    message.maybeTypeName = $String(object.maybeTypeName);
            if (object.dtypesAndShapes) {
                if (!$Array.isArray(object.dtypesAndShapes))
                    throw $TypeError(".tensorboard.ResourceHandleProto.dtypesAndShapes: array expected");
                message.dtypesAndShapes = $Array(object.dtypesAndShapes.length);
                for (var i = 0; i < object.dtypesAndShapes.length; ++i) {
                    if (!$util.isObject(object.dtypesAndShapes[i]))
                        throw $TypeError(".tensorboard.ResourceHandleProto.dtypesAndShapes: object expected");
                    message.dtypesAndShapes[i] = $root.tensorboard.ResourceHandleProto.DtypeAndShape.fromObject(object.dtypesAndShapes[i], _depth + 1);
                }
            }
            return message;
        };

        ResourceHandleProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults)
                object.dtypesAndShapes = [];
            if (options.defaults) {
                object.device = "";
                object.container = "";
                object.name = "";
                if ($util.Long) {
                    var long = new $util.Long(0, 0, true);
                    object.hashCode = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.hashCode = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.maybeTypeName = "";
            }
            if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                object.device = message.device;
            if (message.container != null && $Object.hasOwnProperty.call(message, "container"))
                object.container = message.container;
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.hashCode = typeof message.hashCode === "number" ? $BigInt(message.hashCode) : $util.Long.fromBits(message.hashCode.low >>> 0, message.hashCode.high >>> 0, true).toBigInt();
                else if (typeof message.hashCode === "number")
                    object.hashCode = options.longs === $String ? $String(message.hashCode) : message.hashCode;
                else
                    object.hashCode = options.longs === $String ? $util.Long.prototype.toString.call(message.hashCode) : options.longs === $Number ? new $util.LongBits(message.hashCode.low >>> 0, message.hashCode.high >>> 0).toNumber(true) : message.hashCode;
            if (message.maybeTypeName != null && $Object.hasOwnProperty.call(message, "maybeTypeName"))
                object.maybeTypeName = message.maybeTypeName;
            if (message.dtypesAndShapes && message.dtypesAndShapes.length) {
                object.dtypesAndShapes = $Array(message.dtypesAndShapes.length);
                for (var j = 0; j < message.dtypesAndShapes.length; ++j)
                    object.dtypesAndShapes[j] = $root.tensorboard.ResourceHandleProto.DtypeAndShape.toObject(message.dtypesAndShapes[j], options, _depth + 1);
            }
            return object;
        };

        ResourceHandleProto.prototype.toJSON = function() {
            return ResourceHandleProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        ResourceHandleProto.DtypeAndShape = (function() {

            var DtypeAndShape = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DtypeAndShape.prototype.dtype = 0;
            DtypeAndShape.prototype.shape = null;

            DtypeAndShape.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                    writer.uint32(8).int32(message.dtype);
                if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
                    $root.tensorboard.TensorShapeProto.encode(message.shape, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DtypeAndShape.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.ResourceHandleProto.DtypeAndShape();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.dtype = value;
                            else
                                delete message.dtype;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.shape = $root.tensorboard.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.shape);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DtypeAndShape.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.ResourceHandleProto.DtypeAndShape)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.ResourceHandleProto.DtypeAndShape: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.ResourceHandleProto.DtypeAndShape();
                if (object.dtype !== 0 && (typeof object.dtype !== "string" || $root.tensorboard.DataType[object.dtype] !== 0))
                    switch (object.dtype) {
                    case "DT_INVALID":
                    case 0:
                        message.dtype = 0;
                        break;
                    case "DT_FLOAT":
                    case 1:
                        message.dtype = 1;
                        break;
                    case "DT_DOUBLE":
                    case 2:
                        message.dtype = 2;
                        break;
                    case "DT_INT32":
                    case 3:
                        message.dtype = 3;
                        break;
                    case "DT_UINT8":
                    case 4:
                        message.dtype = 4;
                        break;
                    case "DT_INT16":
                    case 5:
                        message.dtype = 5;
                        break;
                    case "DT_INT8":
                    case 6:
                        message.dtype = 6;
                        break;
                    case "DT_STRING":
                    case 7:
                        message.dtype = 7;
                        break;
                    case "DT_COMPLEX64":
                    case 8:
                        message.dtype = 8;
                        break;
                    case "DT_INT64":
                    case 9:
                        message.dtype = 9;
                        break;
                    case "DT_BOOL":
                    case 10:
                        message.dtype = 10;
                        break;
                    case "DT_QINT8":
                    case 11:
                        message.dtype = 11;
                        break;
                    case "DT_QUINT8":
                    case 12:
                        message.dtype = 12;
                        break;
                    case "DT_QINT32":
                    case 13:
                        message.dtype = 13;
                        break;
                    case "DT_BFLOAT16":
                    case 14:
                        message.dtype = 14;
                        break;
                    case "DT_QINT16":
                    case 15:
                        message.dtype = 15;
                        break;
                    case "DT_QUINT16":
                    case 16:
                        message.dtype = 16;
                        break;
                    case "DT_UINT16":
                    case 17:
                        message.dtype = 17;
                        break;
                    case "DT_COMPLEX128":
                    case 18:
                        message.dtype = 18;
                        break;
                    case "DT_HALF":
                    case 19:
                        message.dtype = 19;
                        break;
                    case "DT_RESOURCE":
                    case 20:
                        message.dtype = 20;
                        break;
                    case "DT_VARIANT":
                    case 21:
                        message.dtype = 21;
                        break;
                    case "DT_UINT32":
                    case 22:
                        message.dtype = 22;
                        break;
                    case "DT_UINT64":
                    case 23:
                        message.dtype = 23;
                        break;
                    case "DT_FLOAT8_E5M2":
                    case 24:
                        message.dtype = 24;
                        break;
                    case "DT_FLOAT8_E4M3FN":
                    case 25:
                        message.dtype = 25;
                        break;
                    case "DT_FLOAT8_E4M3FNUZ":
                    case 26:
                        message.dtype = 26;
                        break;
                    case "DT_FLOAT8_E4M3B11FNUZ":
                    case 27:
                        message.dtype = 27;
                        break;
                    case "DT_FLOAT8_E5M2FNUZ":
                    case 28:
                        message.dtype = 28;
                        break;
                    case "DT_INT4":
                    case 29:
                        message.dtype = 29;
                        break;
                    case "DT_UINT4":
                    case 30:
                        message.dtype = 30;
                        break;
                    case "DT_INT2":
                    case 31:
                        message.dtype = 31;
                        break;
                    case "DT_UINT2":
                    case 32:
                        message.dtype = 32;
                        break;
                    case "DT_FLOAT4_E2M1FN":
                    case 33:
                        message.dtype = 33;
                        break;
                    case "DT_FLOAT_REF":
                    case 101:
                        message.dtype = 101;
                        break;
                    case "DT_DOUBLE_REF":
                    case 102:
                        message.dtype = 102;
                        break;
                    case "DT_INT32_REF":
                    case 103:
                        message.dtype = 103;
                        break;
                    case "DT_UINT8_REF":
                    case 104:
                        message.dtype = 104;
                        break;
                    case "DT_INT16_REF":
                    case 105:
                        message.dtype = 105;
                        break;
                    case "DT_INT8_REF":
                    case 106:
                        message.dtype = 106;
                        break;
                    case "DT_STRING_REF":
                    case 107:
                        message.dtype = 107;
                        break;
                    case "DT_COMPLEX64_REF":
                    case 108:
                        message.dtype = 108;
                        break;
                    case "DT_INT64_REF":
                    case 109:
                        message.dtype = 109;
                        break;
                    case "DT_BOOL_REF":
                    case 110:
                        message.dtype = 110;
                        break;
                    case "DT_QINT8_REF":
                    case 111:
                        message.dtype = 111;
                        break;
                    case "DT_QUINT8_REF":
                    case 112:
                        message.dtype = 112;
                        break;
                    case "DT_QINT32_REF":
                    case 113:
                        message.dtype = 113;
                        break;
                    case "DT_BFLOAT16_REF":
                    case 114:
                        message.dtype = 114;
                        break;
                    case "DT_QINT16_REF":
                    case 115:
                        message.dtype = 115;
                        break;
                    case "DT_QUINT16_REF":
                    case 116:
                        message.dtype = 116;
                        break;
                    case "DT_UINT16_REF":
                    case 117:
                        message.dtype = 117;
                        break;
                    case "DT_COMPLEX128_REF":
                    case 118:
                        message.dtype = 118;
                        break;
                    case "DT_HALF_REF":
                    case 119:
                        message.dtype = 119;
                        break;
                    case "DT_RESOURCE_REF":
                    case 120:
                        message.dtype = 120;
                        break;
                    case "DT_VARIANT_REF":
                    case 121:
                        message.dtype = 121;
                        break;
                    case "DT_UINT32_REF":
                    case 122:
                        message.dtype = 122;
                        break;
                    case "DT_UINT64_REF":
                    case 123:
                        message.dtype = 123;
                        break;
                    case "DT_FLOAT8_E5M2_REF":
                    case 124:
                        message.dtype = 124;
                        break;
                    case "DT_FLOAT8_E4M3FN_REF":
                    case 125:
                        message.dtype = 125;
                        break;
                    case "DT_FLOAT8_E4M3FNUZ_REF":
                    case 126:
                        message.dtype = 126;
                        break;
                    case "DT_FLOAT8_E4M3B11FNUZ_REF":
                    case 127:
                        message.dtype = 127;
                        break;
                    case "DT_FLOAT8_E5M2FNUZ_REF":
                    case 128:
                        message.dtype = 128;
                        break;
                    case "DT_INT4_REF":
                    case 129:
                        message.dtype = 129;
                        break;
                    case "DT_UINT4_REF":
                    case 130:
                        message.dtype = 130;
                        break;
                    case "DT_INT2_REF":
                    case 131:
                        message.dtype = 131;
                        break;
                    case "DT_UINT2_REF":
                    case 132:
                        message.dtype = 132;
                        break;
                    case "DT_FLOAT4_E2M1FN_REF":
                    case 133:
                        message.dtype = 133;
                        break;
                    default:
                        if (typeof object.dtype === "number" && (object.dtype | 0) === object.dtype)
                            message.dtype = object.dtype;
                    }
                if (object.shape != null) {
                    if (!$util.isObject(object.shape))
                        throw $TypeError(".tensorboard.ResourceHandleProto.DtypeAndShape.shape: object expected");
                    message.shape = $root.tensorboard.TensorShapeProto.fromObject(object.shape, _depth + 1);
                }
                return message;
            };

            DtypeAndShape.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.dtype = options.enums === $String ? "DT_INVALID" : 0;
                    object.shape = null;
                }
                if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype"))
                    object.dtype = options.enums === $String ? $root.tensorboard.DataType[message.dtype] === $undefined ? message.dtype : $root.tensorboard.DataType[message.dtype] : message.dtype;
                if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
                    object.shape = $root.tensorboard.TensorShapeProto.toObject(message.shape, options, _depth + 1);
                return object;
            };

            DtypeAndShape.prototype.toJSON = function() {
                return DtypeAndShape.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DtypeAndShape;
        })();

        return ResourceHandleProto;
    })();

    tensorboard.TensorShapeProto = (function() {

        var TensorShapeProto = function (properties) {
            this.dim = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TensorShapeProto.prototype.dim = $util.emptyArray;
        TensorShapeProto.prototype.unknownRank = false;

        TensorShapeProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dim != null && message.dim.length)
                for (var i = 0; i < message.dim.length; ++i)
                    $root.tensorboard.TensorShapeProto.Dim.encode(message.dim[i], writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.unknownRank != null && $Object.hasOwnProperty.call(message, "unknownRank") && message.unknownRank !== false)
                writer.uint32(24).bool(message.unknownRank);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TensorShapeProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.TensorShapeProto();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dim && message.dim.length))
                            message.dim = [];
                        message.dim.push($root.tensorboard.TensorShapeProto.Dim.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.unknownRank = value;
                        else
                            delete message.unknownRank;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TensorShapeProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.TensorShapeProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.TensorShapeProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.TensorShapeProto();
            if (object.dim) {
                if (!$Array.isArray(object.dim))
                    throw $TypeError(".tensorboard.TensorShapeProto.dim: array expected");
                message.dim = $Array(object.dim.length);
                for (var i = 0; i < object.dim.length; ++i) {
                    if (!$util.isObject(object.dim[i]))
                        throw $TypeError(".tensorboard.TensorShapeProto.dim: object expected");
                    message.dim[i] = $root.tensorboard.TensorShapeProto.Dim.fromObject(object.dim[i], _depth + 1);
                }
            }
            if (object.unknownRank != null)
                if (object.unknownRank)
                    message.unknownRank = $Boolean(object.unknownRank);
            return message;
        };

        TensorShapeProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.arrays || options.defaults)
                object.dim = [];
            if (options.defaults)
                object.unknownRank = false;
            if (message.dim && message.dim.length) {
                object.dim = $Array(message.dim.length);
                for (var j = 0; j < message.dim.length; ++j)
                    object.dim[j] = $root.tensorboard.TensorShapeProto.Dim.toObject(message.dim[j], options, _depth + 1);
            }
            if (message.unknownRank != null && $Object.hasOwnProperty.call(message, "unknownRank"))
                object.unknownRank = message.unknownRank;
            return object;
        };

        TensorShapeProto.prototype.toJSON = function() {
            return TensorShapeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        TensorShapeProto.Dim = (function() {

            var Dim = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Dim.prototype.name = "";

            Dim.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(8).int64(message.size);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(18).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Dim.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.TensorShapeProto.Dim();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Dim.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.TensorShapeProto.Dim)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.TensorShapeProto.Dim: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.TensorShapeProto.Dim();
                if (object.size != null)
                    if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                        if ($util.Long)
                            message.size = $util.Long.fromValue(object.size, false);
                        else if (typeof object.size === "string")
                            message.size = $parseInt(object.size, 10);
                        else if (typeof object.size === "number")
                            message.size = object.size;
                        else if (typeof object.size === "object")
                            message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                return message;
            };

            Dim.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.name = "";
                }
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, false).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === $String ? $String(message.size) : message.size;
                    else
                        object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber() : message.size;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                return object;
            };

            Dim.prototype.toJSON = function() {
                return Dim.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Dim;
        })();

        return TensorShapeProto;
    })();

    tensorboard.DataType = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DT_INVALID"] = 0;
        values[valuesById[1] = "DT_FLOAT"] = 1;
        values[valuesById[2] = "DT_DOUBLE"] = 2;
        values[valuesById[3] = "DT_INT32"] = 3;
        values[valuesById[4] = "DT_UINT8"] = 4;
        values[valuesById[5] = "DT_INT16"] = 5;
        values[valuesById[6] = "DT_INT8"] = 6;
        values[valuesById[7] = "DT_STRING"] = 7;
        values[valuesById[8] = "DT_COMPLEX64"] = 8;
        values[valuesById[9] = "DT_INT64"] = 9;
        values[valuesById[10] = "DT_BOOL"] = 10;
        values[valuesById[11] = "DT_QINT8"] = 11;
        values[valuesById[12] = "DT_QUINT8"] = 12;
        values[valuesById[13] = "DT_QINT32"] = 13;
        values[valuesById[14] = "DT_BFLOAT16"] = 14;
        values[valuesById[15] = "DT_QINT16"] = 15;
        values[valuesById[16] = "DT_QUINT16"] = 16;
        values[valuesById[17] = "DT_UINT16"] = 17;
        values[valuesById[18] = "DT_COMPLEX128"] = 18;
        values[valuesById[19] = "DT_HALF"] = 19;
        values[valuesById[20] = "DT_RESOURCE"] = 20;
        values[valuesById[21] = "DT_VARIANT"] = 21;
        values[valuesById[22] = "DT_UINT32"] = 22;
        values[valuesById[23] = "DT_UINT64"] = 23;
        values[valuesById[24] = "DT_FLOAT8_E5M2"] = 24;
        values[valuesById[25] = "DT_FLOAT8_E4M3FN"] = 25;
        values[valuesById[26] = "DT_FLOAT8_E4M3FNUZ"] = 26;
        values[valuesById[27] = "DT_FLOAT8_E4M3B11FNUZ"] = 27;
        values[valuesById[28] = "DT_FLOAT8_E5M2FNUZ"] = 28;
        values[valuesById[29] = "DT_INT4"] = 29;
        values[valuesById[30] = "DT_UINT4"] = 30;
        values[valuesById[31] = "DT_INT2"] = 31;
        values[valuesById[32] = "DT_UINT2"] = 32;
        values[valuesById[33] = "DT_FLOAT4_E2M1FN"] = 33;
        values[valuesById[101] = "DT_FLOAT_REF"] = 101;
        values[valuesById[102] = "DT_DOUBLE_REF"] = 102;
        values[valuesById[103] = "DT_INT32_REF"] = 103;
        values[valuesById[104] = "DT_UINT8_REF"] = 104;
        values[valuesById[105] = "DT_INT16_REF"] = 105;
        values[valuesById[106] = "DT_INT8_REF"] = 106;
        values[valuesById[107] = "DT_STRING_REF"] = 107;
        values[valuesById[108] = "DT_COMPLEX64_REF"] = 108;
        values[valuesById[109] = "DT_INT64_REF"] = 109;
        values[valuesById[110] = "DT_BOOL_REF"] = 110;
        values[valuesById[111] = "DT_QINT8_REF"] = 111;
        values[valuesById[112] = "DT_QUINT8_REF"] = 112;
        values[valuesById[113] = "DT_QINT32_REF"] = 113;
        values[valuesById[114] = "DT_BFLOAT16_REF"] = 114;
        values[valuesById[115] = "DT_QINT16_REF"] = 115;
        values[valuesById[116] = "DT_QUINT16_REF"] = 116;
        values[valuesById[117] = "DT_UINT16_REF"] = 117;
        values[valuesById[118] = "DT_COMPLEX128_REF"] = 118;
        values[valuesById[119] = "DT_HALF_REF"] = 119;
        values[valuesById[120] = "DT_RESOURCE_REF"] = 120;
        values[valuesById[121] = "DT_VARIANT_REF"] = 121;
        values[valuesById[122] = "DT_UINT32_REF"] = 122;
        values[valuesById[123] = "DT_UINT64_REF"] = 123;
        values[valuesById[124] = "DT_FLOAT8_E5M2_REF"] = 124;
        values[valuesById[125] = "DT_FLOAT8_E4M3FN_REF"] = 125;
        values[valuesById[126] = "DT_FLOAT8_E4M3FNUZ_REF"] = 126;
        values[valuesById[127] = "DT_FLOAT8_E4M3B11FNUZ_REF"] = 127;
        values[valuesById[128] = "DT_FLOAT8_E5M2FNUZ_REF"] = 128;
        values[valuesById[129] = "DT_INT4_REF"] = 129;
        values[valuesById[130] = "DT_UINT4_REF"] = 130;
        values[valuesById[131] = "DT_INT2_REF"] = 131;
        values[valuesById[132] = "DT_UINT2_REF"] = 132;
        values[valuesById[133] = "DT_FLOAT4_E2M1FN_REF"] = 133;
        return values;
    })();

    tensorboard.SerializedDType = (function() {

        var SerializedDType = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        SerializedDType.prototype.datatype = 0;

        SerializedDType.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.datatype != null && $Object.hasOwnProperty.call(message, "datatype") && message.datatype !== 0)
                writer.uint32(8).int32(message.datatype);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        SerializedDType.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.SerializedDType();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.datatype = value;
                        else
                            delete message.datatype;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        SerializedDType.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.SerializedDType)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.SerializedDType: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var message = new $root.tensorboard.SerializedDType();
            if (object.datatype !== 0 && (typeof object.datatype !== "string" || $root.tensorboard.DataType[object.datatype] !== 0))
                switch (object.datatype) {
                case "DT_INVALID":
                case 0:
                    message.datatype = 0;
                    break;
                case "DT_FLOAT":
                case 1:
                    message.datatype = 1;
                    break;
                case "DT_DOUBLE":
                case 2:
                    message.datatype = 2;
                    break;
                case "DT_INT32":
                case 3:
                    message.datatype = 3;
                    break;
                case "DT_UINT8":
                case 4:
                    message.datatype = 4;
                    break;
                case "DT_INT16":
                case 5:
                    message.datatype = 5;
                    break;
                case "DT_INT8":
                case 6:
                    message.datatype = 6;
                    break;
                case "DT_STRING":
                case 7:
                    message.datatype = 7;
                    break;
                case "DT_COMPLEX64":
                case 8:
                    message.datatype = 8;
                    break;
                case "DT_INT64":
                case 9:
                    message.datatype = 9;
                    break;
                case "DT_BOOL":
                case 10:
                    message.datatype = 10;
                    break;
                case "DT_QINT8":
                case 11:
                    message.datatype = 11;
                    break;
                case "DT_QUINT8":
                case 12:
                    message.datatype = 12;
                    break;
                case "DT_QINT32":
                case 13:
                    message.datatype = 13;
                    break;
                case "DT_BFLOAT16":
                case 14:
                    message.datatype = 14;
                    break;
                case "DT_QINT16":
                case 15:
                    message.datatype = 15;
                    break;
                case "DT_QUINT16":
                case 16:
                    message.datatype = 16;
                    break;
                case "DT_UINT16":
                case 17:
                    message.datatype = 17;
                    break;
                case "DT_COMPLEX128":
                case 18:
                    message.datatype = 18;
                    break;
                case "DT_HALF":
                case 19:
                    message.datatype = 19;
                    break;
                case "DT_RESOURCE":
                case 20:
                    message.datatype = 20;
                    break;
                case "DT_VARIANT":
                case 21:
                    message.datatype = 21;
                    break;
                case "DT_UINT32":
                case 22:
                    message.datatype = 22;
                    break;
                case "DT_UINT64":
                case 23:
                    message.datatype = 23;
                    break;
                case "DT_FLOAT8_E5M2":
                case 24:
                    message.datatype = 24;
                    break;
                case "DT_FLOAT8_E4M3FN":
                case 25:
                    message.datatype = 25;
                    break;
                case "DT_FLOAT8_E4M3FNUZ":
                case 26:
                    message.datatype = 26;
                    break;
                case "DT_FLOAT8_E4M3B11FNUZ":
                case 27:
                    message.datatype = 27;
                    break;
                case "DT_FLOAT8_E5M2FNUZ":
                case 28:
                    message.datatype = 28;
                    break;
                case "DT_INT4":
                case 29:
                    message.datatype = 29;
                    break;
                case "DT_UINT4":
                case 30:
                    message.datatype = 30;
                    break;
                case "DT_INT2":
                case 31:
                    message.datatype = 31;
                    break;
                case "DT_UINT2":
                case 32:
                    message.datatype = 32;
                    break;
                case "DT_FLOAT4_E2M1FN":
                case 33:
                    message.datatype = 33;
                    break;
                case "DT_FLOAT_REF":
                case 101:
                    message.datatype = 101;
                    break;
                case "DT_DOUBLE_REF":
                case 102:
                    message.datatype = 102;
                    break;
                case "DT_INT32_REF":
                case 103:
                    message.datatype = 103;
                    break;
                case "DT_UINT8_REF":
                case 104:
                    message.datatype = 104;
                    break;
                case "DT_INT16_REF":
                case 105:
                    message.datatype = 105;
                    break;
                case "DT_INT8_REF":
                case 106:
                    message.datatype = 106;
                    break;
                case "DT_STRING_REF":
                case 107:
                    message.datatype = 107;
                    break;
                case "DT_COMPLEX64_REF":
                case 108:
                    message.datatype = 108;
                    break;
                case "DT_INT64_REF":
                case 109:
                    message.datatype = 109;
                    break;
                case "DT_BOOL_REF":
                case 110:
                    message.datatype = 110;
                    break;
                case "DT_QINT8_REF":
                case 111:
                    message.datatype = 111;
                    break;
                case "DT_QUINT8_REF":
                case 112:
                    message.datatype = 112;
                    break;
                case "DT_QINT32_REF":
                case 113:
                    message.datatype = 113;
                    break;
                case "DT_BFLOAT16_REF":
                case 114:
                    message.datatype = 114;
                    break;
                case "DT_QINT16_REF":
                case 115:
                    message.datatype = 115;
                    break;
                case "DT_QUINT16_REF":
                case 116:
                    message.datatype = 116;
                    break;
                case "DT_UINT16_REF":
                case 117:
                    message.datatype = 117;
                    break;
                case "DT_COMPLEX128_REF":
                case 118:
                    message.datatype = 118;
                    break;
                case "DT_HALF_REF":
                case 119:
                    message.datatype = 119;
                    break;
                case "DT_RESOURCE_REF":
                case 120:
                    message.datatype = 120;
                    break;
                case "DT_VARIANT_REF":
                case 121:
                    message.datatype = 121;
                    break;
                case "DT_UINT32_REF":
                case 122:
                    message.datatype = 122;
                    break;
                case "DT_UINT64_REF":
                case 123:
                    message.datatype = 123;
                    break;
                case "DT_FLOAT8_E5M2_REF":
                case 124:
                    message.datatype = 124;
                    break;
                case "DT_FLOAT8_E4M3FN_REF":
                case 125:
                    message.datatype = 125;
                    break;
                case "DT_FLOAT8_E4M3FNUZ_REF":
                case 126:
                    message.datatype = 126;
                    break;
                case "DT_FLOAT8_E4M3B11FNUZ_REF":
                case 127:
                    message.datatype = 127;
                    break;
                case "DT_FLOAT8_E5M2FNUZ_REF":
                case 128:
                    message.datatype = 128;
                    break;
                case "DT_INT4_REF":
                case 129:
                    message.datatype = 129;
                    break;
                case "DT_UINT4_REF":
                case 130:
                    message.datatype = 130;
                    break;
                case "DT_INT2_REF":
                case 131:
                    message.datatype = 131;
                    break;
                case "DT_UINT2_REF":
                case 132:
                    message.datatype = 132;
                    break;
                case "DT_FLOAT4_E2M1FN_REF":
                case 133:
                    message.datatype = 133;
                    break;
                default:
                    if (typeof object.datatype === "number" && (object.datatype | 0) === object.datatype)
                        message.datatype = object.datatype;
                }
            return message;
        };

        SerializedDType.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var object = {};
            if (options.defaults)
                object.datatype = options.enums === $String ? "DT_INVALID" : 0;
            if (message.datatype != null && $Object.hasOwnProperty.call(message, "datatype"))
                object.datatype = options.enums === $String ? $root.tensorboard.DataType[message.datatype] === $undefined ? message.datatype : $root.tensorboard.DataType[message.datatype] : message.datatype;
            return object;
        };

        SerializedDType.prototype.toJSON = function() {
            return SerializedDType.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SerializedDType;
    })();

    tensorboard.hparams = (function() {

        var hparams = {};

        hparams.HParamsPluginData = (function() {

            var HParamsPluginData = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HParamsPluginData.prototype.version = 0;
            HParamsPluginData.prototype.experiment = null;
            HParamsPluginData.prototype.sessionStartInfo = null;
            HParamsPluginData.prototype.sessionEndInfo = null;

            var $oneOfFields;

            $Object.defineProperty(HParamsPluginData.prototype, "data", {
                get: $util.oneOfGetter($oneOfFields = ["experiment", "sessionStartInfo", "sessionEndInfo"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HParamsPluginData.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(8).int32(message.version);
                if (message.experiment != null && $Object.hasOwnProperty.call(message, "experiment"))
                    $root.tensorboard.hparams.Experiment.encode(message.experiment, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.sessionStartInfo != null && $Object.hasOwnProperty.call(message, "sessionStartInfo"))
                    $root.tensorboard.hparams.SessionStartInfo.encode(message.sessionStartInfo, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.sessionEndInfo != null && $Object.hasOwnProperty.call(message, "sessionEndInfo"))
                    $root.tensorboard.hparams.SessionEndInfo.encode(message.sessionEndInfo, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HParamsPluginData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.HParamsPluginData();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.experiment = $root.tensorboard.hparams.Experiment.decode(reader, reader.size(), $undefined, _depth + 1, message.experiment);
                            message.data = "experiment";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.sessionStartInfo);
                            message.data = "sessionStartInfo";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.sessionEndInfo);
                            message.data = "sessionEndInfo";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            HParamsPluginData.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.HParamsPluginData)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.HParamsPluginData: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.HParamsPluginData();
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version | 0;
                if (object.experiment != null) {
                    if (!$util.isObject(object.experiment))
                        throw $TypeError(".tensorboard.hparams.HParamsPluginData.experiment: object expected");
                    message.experiment = $root.tensorboard.hparams.Experiment.fromObject(object.experiment, _depth + 1);
                }
                if (object.sessionStartInfo != null) {
                    if (!$util.isObject(object.sessionStartInfo))
                        throw $TypeError(".tensorboard.hparams.HParamsPluginData.sessionStartInfo: object expected");
                    message.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.fromObject(object.sessionStartInfo, _depth + 1);
                }
                if (object.sessionEndInfo != null) {
                    if (!$util.isObject(object.sessionEndInfo))
                        throw $TypeError(".tensorboard.hparams.HParamsPluginData.sessionEndInfo: object expected");
                    message.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.fromObject(object.sessionEndInfo, _depth + 1);
                }
                return message;
            };

            HParamsPluginData.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults)
                    object.version = 0;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.experiment != null && $Object.hasOwnProperty.call(message, "experiment")) {
                    object.experiment = $root.tensorboard.hparams.Experiment.toObject(message.experiment, options, _depth + 1);
                    if (options.oneofs)
                        object.data = "experiment";
                }
                if (message.sessionStartInfo != null && $Object.hasOwnProperty.call(message, "sessionStartInfo")) {
                    object.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.toObject(message.sessionStartInfo, options, _depth + 1);
                    if (options.oneofs)
                        object.data = "sessionStartInfo";
                }
                if (message.sessionEndInfo != null && $Object.hasOwnProperty.call(message, "sessionEndInfo")) {
                    object.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.toObject(message.sessionEndInfo, options, _depth + 1);
                    if (options.oneofs)
                        object.data = "sessionEndInfo";
                }
                return object;
            };

            HParamsPluginData.prototype.toJSON = function() {
                return HParamsPluginData.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HParamsPluginData;
        })();

        hparams.SessionStartInfo = (function() {

            var SessionStartInfo = function (properties) {
                this.hparams = {};
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SessionStartInfo.prototype.hparams = $util.emptyObject;
            SessionStartInfo.prototype.modelUri = "";
            SessionStartInfo.prototype.monitorUrl = "";
            SessionStartInfo.prototype.groupName = "";
            SessionStartInfo.prototype.startTimeSecs = 0;

            SessionStartInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hparams != null && $Object.hasOwnProperty.call(message, "hparams"))
                    for (var keys = $Object.keys(message.hparams), i = 0; i < keys.length; ++i) {
                        writer.uint32(10).fork().uint32(10).string(keys[i]);
                        $root.google.protobuf.Value.encode(message.hparams[keys[i]], writer.uint32(18).fork(), _depth + 1).ldelim().ldelim();
                    }
                if (message.modelUri != null && $Object.hasOwnProperty.call(message, "modelUri") && message.modelUri !== "")
                    writer.uint32(18).string(message.modelUri);
                if (message.monitorUrl != null && $Object.hasOwnProperty.call(message, "monitorUrl") && message.monitorUrl !== "")
                    writer.uint32(26).string(message.monitorUrl);
                if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName") && message.groupName !== "")
                    writer.uint32(34).string(message.groupName);
                if (message.startTimeSecs != null && $Object.hasOwnProperty.call(message, "startTimeSecs") && !$Object.is(message.startTimeSecs, 0))
                    writer.uint32(41).double(message.startTimeSecs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SessionStartInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.SessionStartInfo();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (message.hparams === $util.emptyObject)
                                message.hparams = {};
                            var end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = null;
                            while (reader.pos < end2) {
                                var tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.hparams, key);
                            message.hparams[key] = value || new $root.google.protobuf.Value();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.modelUri = value;
                            else
                                delete message.modelUri;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.monitorUrl = value;
                            else
                                delete message.monitorUrl;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupName = value;
                            else
                                delete message.groupName;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.startTimeSecs = value;
                            else
                                delete message.startTimeSecs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SessionStartInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.SessionStartInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.SessionStartInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.SessionStartInfo();
                if (object.hparams) {
                    if (!$util.isObject(object.hparams))
                        throw $TypeError(".tensorboard.hparams.SessionStartInfo.hparams: object expected");
                    message.hparams = {};
                    for (var keys = $Object.keys(object.hparams), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.hparams, keys[i]);
                        if (!$util.isObject(object.hparams[keys[i]]))
                            throw $TypeError(".tensorboard.hparams.SessionStartInfo.hparams: object expected");
                        message.hparams[keys[i]] = $root.google.protobuf.Value.fromObject(object.hparams[keys[i]], _depth + 1);
                    }
                }
                if (object.modelUri != null)
                    if (typeof object.modelUri !== "string" || object.modelUri.length)
                        message.modelUri = $String(object.modelUri);
                if (object.monitorUrl != null)
                    if (typeof object.monitorUrl !== "string" || object.monitorUrl.length)
                        message.monitorUrl = $String(object.monitorUrl);
                if (object.groupName != null)
                    if (typeof object.groupName !== "string" || object.groupName.length)
                        message.groupName = $String(object.groupName);
                if (object.startTimeSecs != null)
                    if (!$Object.is($Number(object.startTimeSecs), 0))
                        message.startTimeSecs = $Number(object.startTimeSecs);
                return message;
            };

            SessionStartInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.objects || options.defaults)
                    object.hparams = {};
                if (options.defaults) {
                    object.modelUri = "";
                    object.monitorUrl = "";
                    object.groupName = "";
                    object.startTimeSecs = 0;
                }
                var keys2;
                if (message.hparams && (keys2 = $Object.keys(message.hparams)).length) {
                    object.hparams = {};
                    for (var j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.hparams, keys2[j]);
                        object.hparams[keys2[j]] = $root.google.protobuf.Value.toObject(message.hparams[keys2[j]], options, _depth + 1);
                    }
                }
                if (message.modelUri != null && $Object.hasOwnProperty.call(message, "modelUri"))
                    object.modelUri = message.modelUri;
                if (message.monitorUrl != null && $Object.hasOwnProperty.call(message, "monitorUrl"))
                    object.monitorUrl = message.monitorUrl;
                if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName"))
                    object.groupName = message.groupName;
                if (message.startTimeSecs != null && $Object.hasOwnProperty.call(message, "startTimeSecs"))
                    object.startTimeSecs = options.json && !$isFinite(message.startTimeSecs) ? $String(message.startTimeSecs) : message.startTimeSecs;
                return object;
            };

            SessionStartInfo.prototype.toJSON = function() {
                return SessionStartInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SessionStartInfo;
        })();

        hparams.SessionEndInfo = (function() {

            var SessionEndInfo = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SessionEndInfo.prototype.status = 0;
            SessionEndInfo.prototype.endTimeSecs = 0;

            SessionEndInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(8).int32(message.status);
                if (message.endTimeSecs != null && $Object.hasOwnProperty.call(message, "endTimeSecs") && !$Object.is(message.endTimeSecs, 0))
                    writer.uint32(17).double(message.endTimeSecs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SessionEndInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.SessionEndInfo();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.endTimeSecs = value;
                            else
                                delete message.endTimeSecs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SessionEndInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.SessionEndInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.SessionEndInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.SessionEndInfo();
                if (object.status !== 0 && (typeof object.status !== "string" || $root.tensorboard.hparams.Status[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNKNOWN":
                    case 0:
                        message.status = 0;
                        break;
                    case "STATUS_SUCCESS":
                    case 1:
                        message.status = 1;
                        break;
                    case "STATUS_FAILURE":
                    case 2:
                        message.status = 2;
                        break;
                    case "STATUS_RUNNING":
                    case 3:
                        message.status = 3;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.endTimeSecs != null)
                    if (!$Object.is($Number(object.endTimeSecs), 0))
                        message.endTimeSecs = $Number(object.endTimeSecs);
                return message;
            };

            SessionEndInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.status = options.enums === $String ? "STATUS_UNKNOWN" : 0;
                    object.endTimeSecs = 0;
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.tensorboard.hparams.Status[message.status] === $undefined ? message.status : $root.tensorboard.hparams.Status[message.status] : message.status;
                if (message.endTimeSecs != null && $Object.hasOwnProperty.call(message, "endTimeSecs"))
                    object.endTimeSecs = options.json && !$isFinite(message.endTimeSecs) ? $String(message.endTimeSecs) : message.endTimeSecs;
                return object;
            };

            SessionEndInfo.prototype.toJSON = function() {
                return SessionEndInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SessionEndInfo;
        })();

        hparams.Experiment = (function() {

            var Experiment = function (properties) {
                this.hparamInfos = [];
                this.metricInfos = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Experiment.prototype.name = "";
            Experiment.prototype.description = "";
            Experiment.prototype.user = "";
            Experiment.prototype.timeCreatedSecs = 0;
            Experiment.prototype.hparamInfos = $util.emptyArray;
            Experiment.prototype.metricInfos = $util.emptyArray;

            Experiment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(10).string(message.description);
                if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                    writer.uint32(18).string(message.user);
                if (message.timeCreatedSecs != null && $Object.hasOwnProperty.call(message, "timeCreatedSecs") && !$Object.is(message.timeCreatedSecs, 0))
                    writer.uint32(25).double(message.timeCreatedSecs);
                if (message.hparamInfos != null && message.hparamInfos.length)
                    for (var i = 0; i < message.hparamInfos.length; ++i)
                        $root.tensorboard.hparams.HParamInfo.encode(message.hparamInfos[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.metricInfos != null && message.metricInfos.length)
                    for (var i = 0; i < message.metricInfos.length; ++i)
                        $root.tensorboard.hparams.MetricInfo.encode(message.metricInfos[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(50).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Experiment.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.Experiment();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.user = value;
                            else
                                delete message.user;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeCreatedSecs = value;
                            else
                                delete message.timeCreatedSecs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.hparamInfos && message.hparamInfos.length))
                                message.hparamInfos = [];
                            message.hparamInfos.push($root.tensorboard.hparams.HParamInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.metricInfos && message.metricInfos.length))
                                message.metricInfos = [];
                            message.metricInfos.push($root.tensorboard.hparams.MetricInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Experiment.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.Experiment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.Experiment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.Experiment();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.user != null)
                    if (typeof object.user !== "string" || object.user.length)
                        message.user = $String(object.user);
                if (object.timeCreatedSecs != null)
                    if (!$Object.is($Number(object.timeCreatedSecs), 0))
                        message.timeCreatedSecs = $Number(object.timeCreatedSecs);
                if (object.hparamInfos) {
                    if (!$Array.isArray(object.hparamInfos))
                        throw $TypeError(".tensorboard.hparams.Experiment.hparamInfos: array expected");
                    message.hparamInfos = $Array(object.hparamInfos.length);
                    for (var i = 0; i < object.hparamInfos.length; ++i) {
                        if (!$util.isObject(object.hparamInfos[i]))
                            throw $TypeError(".tensorboard.hparams.Experiment.hparamInfos: object expected");
                        message.hparamInfos[i] = $root.tensorboard.hparams.HParamInfo.fromObject(object.hparamInfos[i], _depth + 1);
                    }
                }
                if (object.metricInfos) {
                    if (!$Array.isArray(object.metricInfos))
                        throw $TypeError(".tensorboard.hparams.Experiment.metricInfos: array expected");
                    message.metricInfos = $Array(object.metricInfos.length);
                    for (var i = 0; i < object.metricInfos.length; ++i) {
                        if (!$util.isObject(object.metricInfos[i]))
                            throw $TypeError(".tensorboard.hparams.Experiment.metricInfos: object expected");
                        message.metricInfos[i] = $root.tensorboard.hparams.MetricInfo.fromObject(object.metricInfos[i], _depth + 1);
                    }
                }
                return message;
            };

            Experiment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults) {
                    object.hparamInfos = [];
                    object.metricInfos = [];
                }
                if (options.defaults) {
                    object.description = "";
                    object.user = "";
                    object.timeCreatedSecs = 0;
                    object.name = "";
                }
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                    object.user = message.user;
                if (message.timeCreatedSecs != null && $Object.hasOwnProperty.call(message, "timeCreatedSecs"))
                    object.timeCreatedSecs = options.json && !$isFinite(message.timeCreatedSecs) ? $String(message.timeCreatedSecs) : message.timeCreatedSecs;
                if (message.hparamInfos && message.hparamInfos.length) {
                    object.hparamInfos = $Array(message.hparamInfos.length);
                    for (var j = 0; j < message.hparamInfos.length; ++j)
                        object.hparamInfos[j] = $root.tensorboard.hparams.HParamInfo.toObject(message.hparamInfos[j], options, _depth + 1);
                }
                if (message.metricInfos && message.metricInfos.length) {
                    object.metricInfos = $Array(message.metricInfos.length);
                    for (var j = 0; j < message.metricInfos.length; ++j)
                        object.metricInfos[j] = $root.tensorboard.hparams.MetricInfo.toObject(message.metricInfos[j], options, _depth + 1);
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                return object;
            };

            Experiment.prototype.toJSON = function() {
                return Experiment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Experiment;
        })();

        hparams.HParamInfo = (function() {

            var HParamInfo = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            HParamInfo.prototype.name = "";
            HParamInfo.prototype.displayName = "";
            HParamInfo.prototype.description = "";
            HParamInfo.prototype.type = 0;
            HParamInfo.prototype.domainDiscrete = null;
            HParamInfo.prototype.domainInterval = null;
            HParamInfo.prototype.differs = false;

            var $oneOfFields;

            $Object.defineProperty(HParamInfo.prototype, "domain", {
                get: $util.oneOfGetter($oneOfFields = ["domainDiscrete", "domainInterval"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HParamInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(10).string(message.name);
                if (message.displayName != null && $Object.hasOwnProperty.call(message, "displayName") && message.displayName !== "")
                    writer.uint32(18).string(message.displayName);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(26).string(message.description);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(32).int32(message.type);
                if (message.domainDiscrete != null && $Object.hasOwnProperty.call(message, "domainDiscrete"))
                    $root.google.protobuf.ListValue.encode(message.domainDiscrete, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.domainInterval != null && $Object.hasOwnProperty.call(message, "domainInterval"))
                    $root.tensorboard.hparams.Interval.encode(message.domainInterval, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.differs != null && $Object.hasOwnProperty.call(message, "differs") && message.differs !== false)
                    writer.uint32(56).bool(message.differs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            HParamInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.HParamInfo();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.displayName = value;
                            else
                                delete message.displayName;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.domainDiscrete = $root.google.protobuf.ListValue.decode(reader, reader.size(), $undefined, _depth + 1, message.domainDiscrete);
                            message.domain = "domainDiscrete";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.domainInterval = $root.tensorboard.hparams.Interval.decode(reader, reader.size(), $undefined, _depth + 1, message.domainInterval);
                            message.domain = "domainInterval";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.differs = value;
                            else
                                delete message.differs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            HParamInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.HParamInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.HParamInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.HParamInfo();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.displayName != null)
                    if (typeof object.displayName !== "string" || object.displayName.length)
                        message.displayName = $String(object.displayName);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.type !== 0 && (typeof object.type !== "string" || $root.tensorboard.hparams.DataType[object.type] !== 0))
                    switch (object.type) {
                    case "DATA_TYPE_UNSET":
                    case 0:
                        message.type = 0;
                        break;
                    case "DATA_TYPE_STRING":
                    case 1:
                        message.type = 1;
                        break;
                    case "DATA_TYPE_BOOL":
                    case 2:
                        message.type = 2;
                        break;
                    case "DATA_TYPE_FLOAT64":
                    case 3:
                        message.type = 3;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.domainDiscrete != null) {
                    if (!$util.isObject(object.domainDiscrete))
                        throw $TypeError(".tensorboard.hparams.HParamInfo.domainDiscrete: object expected");
                    message.domainDiscrete = $root.google.protobuf.ListValue.fromObject(object.domainDiscrete, _depth + 1);
                }
                if (object.domainInterval != null) {
                    if (!$util.isObject(object.domainInterval))
                        throw $TypeError(".tensorboard.hparams.HParamInfo.domainInterval: object expected");
                    message.domainInterval = $root.tensorboard.hparams.Interval.fromObject(object.domainInterval, _depth + 1);
                }
                if (object.differs != null)
                    if (object.differs)
                        message.differs = $Boolean(object.differs);
                return message;
            };

            HParamInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.name = "";
                    object.displayName = "";
                    object.description = "";
                    object.type = options.enums === $String ? "DATA_TYPE_UNSET" : 0;
                    object.differs = false;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.displayName != null && $Object.hasOwnProperty.call(message, "displayName"))
                    object.displayName = message.displayName;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.tensorboard.hparams.DataType[message.type] === $undefined ? message.type : $root.tensorboard.hparams.DataType[message.type] : message.type;
                if (message.domainDiscrete != null && $Object.hasOwnProperty.call(message, "domainDiscrete")) {
                    object.domainDiscrete = $root.google.protobuf.ListValue.toObject(message.domainDiscrete, options, _depth + 1);
                    if (options.oneofs)
                        object.domain = "domainDiscrete";
                }
                if (message.domainInterval != null && $Object.hasOwnProperty.call(message, "domainInterval")) {
                    object.domainInterval = $root.tensorboard.hparams.Interval.toObject(message.domainInterval, options, _depth + 1);
                    if (options.oneofs)
                        object.domain = "domainInterval";
                }
                if (message.differs != null && $Object.hasOwnProperty.call(message, "differs"))
                    object.differs = message.differs;
                return object;
            };

            HParamInfo.prototype.toJSON = function() {
                return HParamInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HParamInfo;
        })();

        hparams.DataType = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DATA_TYPE_UNSET"] = 0;
            values[valuesById[1] = "DATA_TYPE_STRING"] = 1;
            values[valuesById[2] = "DATA_TYPE_BOOL"] = 2;
            values[valuesById[3] = "DATA_TYPE_FLOAT64"] = 3;
            return values;
        })();

        hparams.Interval = (function() {

            var Interval = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Interval.prototype.minValue = 0;
            Interval.prototype.maxValue = 0;

            Interval.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.minValue != null && $Object.hasOwnProperty.call(message, "minValue") && !$Object.is(message.minValue, 0))
                    writer.uint32(9).double(message.minValue);
                if (message.maxValue != null && $Object.hasOwnProperty.call(message, "maxValue") && !$Object.is(message.maxValue, 0))
                    writer.uint32(17).double(message.maxValue);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Interval.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.Interval();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.minValue = value;
                            else
                                delete message.minValue;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.maxValue = value;
                            else
                                delete message.maxValue;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Interval.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.Interval)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.Interval: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.Interval();
                if (object.minValue != null)
                    if (!$Object.is($Number(object.minValue), 0))
                        message.minValue = $Number(object.minValue);
                if (object.maxValue != null)
                    if (!$Object.is($Number(object.maxValue), 0))
                        message.maxValue = $Number(object.maxValue);
                return message;
            };

            Interval.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.minValue = 0;
                    object.maxValue = 0;
                }
                if (message.minValue != null && $Object.hasOwnProperty.call(message, "minValue"))
                    object.minValue = options.json && !$isFinite(message.minValue) ? $String(message.minValue) : message.minValue;
                if (message.maxValue != null && $Object.hasOwnProperty.call(message, "maxValue"))
                    object.maxValue = options.json && !$isFinite(message.maxValue) ? $String(message.maxValue) : message.maxValue;
                return object;
            };

            Interval.prototype.toJSON = function() {
                return Interval.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Interval;
        })();

        hparams.MetricName = (function() {

            var MetricName = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MetricName.prototype.group = "";
            MetricName.prototype.tag = "";

            MetricName.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.group != null && $Object.hasOwnProperty.call(message, "group") && message.group !== "")
                    writer.uint32(10).string(message.group);
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag") && message.tag !== "")
                    writer.uint32(18).string(message.tag);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MetricName.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.MetricName();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.group = value;
                            else
                                delete message.group;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tag = value;
                            else
                                delete message.tag;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MetricName.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.MetricName)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.MetricName: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.MetricName();
                if (object.group != null)
                    if (typeof object.group !== "string" || object.group.length)
                        message.group = $String(object.group);
                if (object.tag != null)
                    if (typeof object.tag !== "string" || object.tag.length)
                        message.tag = $String(object.tag);
                return message;
            };

            MetricName.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.group = "";
                    object.tag = "";
                }
                if (message.group != null && $Object.hasOwnProperty.call(message, "group"))
                    object.group = message.group;
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag"))
                    object.tag = message.tag;
                return object;
            };

            MetricName.prototype.toJSON = function() {
                return MetricName.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetricName;
        })();

        hparams.MetricInfo = (function() {

            var MetricInfo = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MetricInfo.prototype.name = null;
            MetricInfo.prototype.displayName = "";
            MetricInfo.prototype.description = "";
            MetricInfo.prototype.datasetType = 0;

            MetricInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    $root.tensorboard.hparams.MetricName.encode(message.name, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.displayName != null && $Object.hasOwnProperty.call(message, "displayName") && message.displayName !== "")
                    writer.uint32(26).string(message.displayName);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(34).string(message.description);
                if (message.datasetType != null && $Object.hasOwnProperty.call(message, "datasetType") && message.datasetType !== 0)
                    writer.uint32(40).int32(message.datasetType);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MetricInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.MetricInfo();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.name = $root.tensorboard.hparams.MetricName.decode(reader, reader.size(), $undefined, _depth + 1, message.name);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.displayName = value;
                            else
                                delete message.displayName;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.datasetType = value;
                            else
                                delete message.datasetType;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MetricInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.MetricInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.MetricInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.MetricInfo();
                if (object.name != null) {
                    if (!$util.isObject(object.name))
                        throw $TypeError(".tensorboard.hparams.MetricInfo.name: object expected");
                    message.name = $root.tensorboard.hparams.MetricName.fromObject(object.name, _depth + 1);
                }
                if (object.displayName != null)
                    if (typeof object.displayName !== "string" || object.displayName.length)
                        message.displayName = $String(object.displayName);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.datasetType !== 0 && (typeof object.datasetType !== "string" || $root.tensorboard.hparams.DatasetType[object.datasetType] !== 0))
                    switch (object.datasetType) {
                    case "DATASET_UNKNOWN":
                    case 0:
                        message.datasetType = 0;
                        break;
                    case "DATASET_TRAINING":
                    case 1:
                        message.datasetType = 1;
                        break;
                    case "DATASET_VALIDATION":
                    case 2:
                        message.datasetType = 2;
                        break;
                    default:
                        if (typeof object.datasetType === "number" && (object.datasetType | 0) === object.datasetType)
                            message.datasetType = object.datasetType;
                    }
                return message;
            };

            MetricInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.name = null;
                    object.displayName = "";
                    object.description = "";
                    object.datasetType = options.enums === $String ? "DATASET_UNKNOWN" : 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = $root.tensorboard.hparams.MetricName.toObject(message.name, options, _depth + 1);
                if (message.displayName != null && $Object.hasOwnProperty.call(message, "displayName"))
                    object.displayName = message.displayName;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.datasetType != null && $Object.hasOwnProperty.call(message, "datasetType"))
                    object.datasetType = options.enums === $String ? $root.tensorboard.hparams.DatasetType[message.datasetType] === $undefined ? message.datasetType : $root.tensorboard.hparams.DatasetType[message.datasetType] : message.datasetType;
                return object;
            };

            MetricInfo.prototype.toJSON = function() {
                return MetricInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetricInfo;
        })();

        hparams.DatasetType = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DATASET_UNKNOWN"] = 0;
            values[valuesById[1] = "DATASET_TRAINING"] = 1;
            values[valuesById[2] = "DATASET_VALIDATION"] = 2;
            return values;
        })();

        hparams.SessionGroup = (function() {

            var SessionGroup = function (properties) {
                this.hparams = {};
                this.metricValues = [];
                this.sessions = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SessionGroup.prototype.name = "";
            SessionGroup.prototype.hparams = $util.emptyObject;
            SessionGroup.prototype.metricValues = $util.emptyArray;
            SessionGroup.prototype.sessions = $util.emptyArray;
            SessionGroup.prototype.monitorUrl = "";

            SessionGroup.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(10).string(message.name);
                if (message.hparams != null && $Object.hasOwnProperty.call(message, "hparams"))
                    for (var keys = $Object.keys(message.hparams), i = 0; i < keys.length; ++i) {
                        writer.uint32(18).fork().uint32(10).string(keys[i]);
                        $root.google.protobuf.Value.encode(message.hparams[keys[i]], writer.uint32(18).fork(), _depth + 1).ldelim().ldelim();
                    }
                if (message.metricValues != null && message.metricValues.length)
                    for (var i = 0; i < message.metricValues.length; ++i)
                        $root.tensorboard.hparams.MetricValue.encode(message.metricValues[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.sessions != null && message.sessions.length)
                    for (var i = 0; i < message.sessions.length; ++i)
                        $root.tensorboard.hparams.Session.encode(message.sessions[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.monitorUrl != null && $Object.hasOwnProperty.call(message, "monitorUrl") && message.monitorUrl !== "")
                    writer.uint32(42).string(message.monitorUrl);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SessionGroup.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.SessionGroup();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (message.hparams === $util.emptyObject)
                                message.hparams = {};
                            var end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = null;
                            while (reader.pos < end2) {
                                var tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.hparams, key);
                            message.hparams[key] = value || new $root.google.protobuf.Value();
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.metricValues && message.metricValues.length))
                                message.metricValues = [];
                            message.metricValues.push($root.tensorboard.hparams.MetricValue.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sessions && message.sessions.length))
                                message.sessions = [];
                            message.sessions.push($root.tensorboard.hparams.Session.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.monitorUrl = value;
                            else
                                delete message.monitorUrl;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SessionGroup.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.SessionGroup)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.SessionGroup: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.SessionGroup();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.hparams) {
                    if (!$util.isObject(object.hparams))
                        throw $TypeError(".tensorboard.hparams.SessionGroup.hparams: object expected");
                    message.hparams = {};
                    for (var keys = $Object.keys(object.hparams), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.hparams, keys[i]);
                        if (!$util.isObject(object.hparams[keys[i]]))
                            throw $TypeError(".tensorboard.hparams.SessionGroup.hparams: object expected");
                        message.hparams[keys[i]] = $root.google.protobuf.Value.fromObject(object.hparams[keys[i]], _depth + 1);
                    }
                }
                if (object.metricValues) {
                    if (!$Array.isArray(object.metricValues))
                        throw $TypeError(".tensorboard.hparams.SessionGroup.metricValues: array expected");
                    message.metricValues = $Array(object.metricValues.length);
                    for (var i = 0; i < object.metricValues.length; ++i) {
                        if (!$util.isObject(object.metricValues[i]))
                            throw $TypeError(".tensorboard.hparams.SessionGroup.metricValues: object expected");
                        message.metricValues[i] = $root.tensorboard.hparams.MetricValue.fromObject(object.metricValues[i], _depth + 1);
                    }
                }
                if (object.sessions) {
                    if (!$Array.isArray(object.sessions))
                        throw $TypeError(".tensorboard.hparams.SessionGroup.sessions: array expected");
                    message.sessions = $Array(object.sessions.length);
                    for (var i = 0; i < object.sessions.length; ++i) {
                        if (!$util.isObject(object.sessions[i]))
                            throw $TypeError(".tensorboard.hparams.SessionGroup.sessions: object expected");
                        message.sessions[i] = $root.tensorboard.hparams.Session.fromObject(object.sessions[i], _depth + 1);
                    }
                }
                if (object.monitorUrl != null)
                    if (typeof object.monitorUrl !== "string" || object.monitorUrl.length)
                        message.monitorUrl = $String(object.monitorUrl);
                return message;
            };

            SessionGroup.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults) {
                    object.metricValues = [];
                    object.sessions = [];
                }
                if (options.objects || options.defaults)
                    object.hparams = {};
                if (options.defaults) {
                    object.name = "";
                    object.monitorUrl = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                var keys2;
                if (message.hparams && (keys2 = $Object.keys(message.hparams)).length) {
                    object.hparams = {};
                    for (var j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.hparams, keys2[j]);
                        object.hparams[keys2[j]] = $root.google.protobuf.Value.toObject(message.hparams[keys2[j]], options, _depth + 1);
                    }
                }
                if (message.metricValues && message.metricValues.length) {
                    object.metricValues = $Array(message.metricValues.length);
                    for (var j = 0; j < message.metricValues.length; ++j)
                        object.metricValues[j] = $root.tensorboard.hparams.MetricValue.toObject(message.metricValues[j], options, _depth + 1);
                }
                if (message.sessions && message.sessions.length) {
                    object.sessions = $Array(message.sessions.length);
                    for (var j = 0; j < message.sessions.length; ++j)
                        object.sessions[j] = $root.tensorboard.hparams.Session.toObject(message.sessions[j], options, _depth + 1);
                }
                if (message.monitorUrl != null && $Object.hasOwnProperty.call(message, "monitorUrl"))
                    object.monitorUrl = message.monitorUrl;
                return object;
            };

            SessionGroup.prototype.toJSON = function() {
                return SessionGroup.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SessionGroup;
        })();

        hparams.MetricValue = (function() {

            var MetricValue = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MetricValue.prototype.name = null;
            MetricValue.prototype.value = 0;
            MetricValue.prototype.trainingStep = 0;
            MetricValue.prototype.wallTimeSecs = 0;

            MetricValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    $root.tensorboard.hparams.MetricName.encode(message.name, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(17).double(message.value);
                if (message.trainingStep != null && $Object.hasOwnProperty.call(message, "trainingStep") && message.trainingStep !== 0)
                    writer.uint32(24).int32(message.trainingStep);
                if (message.wallTimeSecs != null && $Object.hasOwnProperty.call(message, "wallTimeSecs") && !$Object.is(message.wallTimeSecs, 0))
                    writer.uint32(33).double(message.wallTimeSecs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MetricValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.MetricValue();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.name = $root.tensorboard.hparams.MetricName.decode(reader, reader.size(), $undefined, _depth + 1, message.name);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.trainingStep = value;
                            else
                                delete message.trainingStep;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.wallTimeSecs = value;
                            else
                                delete message.wallTimeSecs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MetricValue.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.MetricValue)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.MetricValue: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.MetricValue();
                if (object.name != null) {
                    if (!$util.isObject(object.name))
                        throw $TypeError(".tensorboard.hparams.MetricValue.name: object expected");
                    message.name = $root.tensorboard.hparams.MetricName.fromObject(object.name, _depth + 1);
                }
                if (object.value != null)
                    if (!$Object.is($Number(object.value), 0))
                        message.value = $Number(object.value);
                if (object.trainingStep != null)
                    if ($Number(object.trainingStep) !== 0)
                        message.trainingStep = object.trainingStep | 0;
                if (object.wallTimeSecs != null)
                    if (!$Object.is($Number(object.wallTimeSecs), 0))
                        message.wallTimeSecs = $Number(object.wallTimeSecs);
                return message;
            };

            MetricValue.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.name = null;
                    object.value = 0;
                    object.trainingStep = 0;
                    object.wallTimeSecs = 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = $root.tensorboard.hparams.MetricName.toObject(message.name, options, _depth + 1);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                if (message.trainingStep != null && $Object.hasOwnProperty.call(message, "trainingStep"))
                    object.trainingStep = message.trainingStep;
                if (message.wallTimeSecs != null && $Object.hasOwnProperty.call(message, "wallTimeSecs"))
                    object.wallTimeSecs = options.json && !$isFinite(message.wallTimeSecs) ? $String(message.wallTimeSecs) : message.wallTimeSecs;
                return object;
            };

            MetricValue.prototype.toJSON = function() {
                return MetricValue.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetricValue;
        })();

        hparams.Session = (function() {

            var Session = function (properties) {
                this.metricValues = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Session.prototype.name = "";
            Session.prototype.startTimeSecs = 0;
            Session.prototype.endTimeSecs = 0;
            Session.prototype.status = 0;
            Session.prototype.modelUri = "";
            Session.prototype.metricValues = $util.emptyArray;
            Session.prototype.monitorUrl = "";

            Session.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(10).string(message.name);
                if (message.startTimeSecs != null && $Object.hasOwnProperty.call(message, "startTimeSecs") && !$Object.is(message.startTimeSecs, 0))
                    writer.uint32(17).double(message.startTimeSecs);
                if (message.endTimeSecs != null && $Object.hasOwnProperty.call(message, "endTimeSecs") && !$Object.is(message.endTimeSecs, 0))
                    writer.uint32(25).double(message.endTimeSecs);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(32).int32(message.status);
                if (message.modelUri != null && $Object.hasOwnProperty.call(message, "modelUri") && message.modelUri !== "")
                    writer.uint32(42).string(message.modelUri);
                if (message.metricValues != null && message.metricValues.length)
                    for (var i = 0; i < message.metricValues.length; ++i)
                        $root.tensorboard.hparams.MetricValue.encode(message.metricValues[i], writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.monitorUrl != null && $Object.hasOwnProperty.call(message, "monitorUrl") && message.monitorUrl !== "")
                    writer.uint32(58).string(message.monitorUrl);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Session.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.Session();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.startTimeSecs = value;
                            else
                                delete message.startTimeSecs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.endTimeSecs = value;
                            else
                                delete message.endTimeSecs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.modelUri = value;
                            else
                                delete message.modelUri;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.metricValues && message.metricValues.length))
                                message.metricValues = [];
                            message.metricValues.push($root.tensorboard.hparams.MetricValue.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.monitorUrl = value;
                            else
                                delete message.monitorUrl;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Session.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.Session)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.Session: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.Session();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.startTimeSecs != null)
                    if (!$Object.is($Number(object.startTimeSecs), 0))
                        message.startTimeSecs = $Number(object.startTimeSecs);
                if (object.endTimeSecs != null)
                    if (!$Object.is($Number(object.endTimeSecs), 0))
                        message.endTimeSecs = $Number(object.endTimeSecs);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.tensorboard.hparams.Status[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNKNOWN":
                    case 0:
                        message.status = 0;
                        break;
                    case "STATUS_SUCCESS":
                    case 1:
                        message.status = 1;
                        break;
                    case "STATUS_FAILURE":
                    case 2:
                        message.status = 2;
                        break;
                    case "STATUS_RUNNING":
                    case 3:
                        message.status = 3;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.modelUri != null)
                    if (typeof object.modelUri !== "string" || object.modelUri.length)
                        message.modelUri = $String(object.modelUri);
                if (object.metricValues) {
                    if (!$Array.isArray(object.metricValues))
                        throw $TypeError(".tensorboard.hparams.Session.metricValues: array expected");
                    message.metricValues = $Array(object.metricValues.length);
                    for (var i = 0; i < object.metricValues.length; ++i) {
                        if (!$util.isObject(object.metricValues[i]))
                            throw $TypeError(".tensorboard.hparams.Session.metricValues: object expected");
                        message.metricValues[i] = $root.tensorboard.hparams.MetricValue.fromObject(object.metricValues[i], _depth + 1);
                    }
                }
                if (object.monitorUrl != null)
                    if (typeof object.monitorUrl !== "string" || object.monitorUrl.length)
                        message.monitorUrl = $String(object.monitorUrl);
                return message;
            };

            Session.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.metricValues = [];
                if (options.defaults) {
                    object.name = "";
                    object.startTimeSecs = 0;
                    object.endTimeSecs = 0;
                    object.status = options.enums === $String ? "STATUS_UNKNOWN" : 0;
                    object.modelUri = "";
                    object.monitorUrl = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.startTimeSecs != null && $Object.hasOwnProperty.call(message, "startTimeSecs"))
                    object.startTimeSecs = options.json && !$isFinite(message.startTimeSecs) ? $String(message.startTimeSecs) : message.startTimeSecs;
                if (message.endTimeSecs != null && $Object.hasOwnProperty.call(message, "endTimeSecs"))
                    object.endTimeSecs = options.json && !$isFinite(message.endTimeSecs) ? $String(message.endTimeSecs) : message.endTimeSecs;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.tensorboard.hparams.Status[message.status] === $undefined ? message.status : $root.tensorboard.hparams.Status[message.status] : message.status;
                if (message.modelUri != null && $Object.hasOwnProperty.call(message, "modelUri"))
                    object.modelUri = message.modelUri;
                if (message.metricValues && message.metricValues.length) {
                    object.metricValues = $Array(message.metricValues.length);
                    for (var j = 0; j < message.metricValues.length; ++j)
                        object.metricValues[j] = $root.tensorboard.hparams.MetricValue.toObject(message.metricValues[j], options, _depth + 1);
                }
                if (message.monitorUrl != null && $Object.hasOwnProperty.call(message, "monitorUrl"))
                    object.monitorUrl = message.monitorUrl;
                return object;
            };

            Session.prototype.toJSON = function() {
                return Session.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Session;
        })();

        hparams.Status = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNKNOWN"] = 0;
            values[valuesById[1] = "STATUS_SUCCESS"] = 1;
            values[valuesById[2] = "STATUS_FAILURE"] = 2;
            values[valuesById[3] = "STATUS_RUNNING"] = 3;
            return values;
        })();

        hparams.GetExperimentRequest = (function() {

            var GetExperimentRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GetExperimentRequest.prototype.experimentName = "";
            GetExperimentRequest.prototype.includeMetrics = null;
            GetExperimentRequest.prototype.hparamsLimit = null;

            var $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GetExperimentRequest.prototype, "_includeMetrics", {
                get: $util.oneOfGetter($oneOfFields = ["includeMetrics"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GetExperimentRequest.prototype, "_hparamsLimit", {
                get: $util.oneOfGetter($oneOfFields = ["hparamsLimit"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GetExperimentRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.experimentName != null && $Object.hasOwnProperty.call(message, "experimentName") && message.experimentName !== "")
                    writer.uint32(10).string(message.experimentName);
                if (message.includeMetrics != null && $Object.hasOwnProperty.call(message, "includeMetrics"))
                    writer.uint32(16).bool(message.includeMetrics);
                if (message.hparamsLimit != null && $Object.hasOwnProperty.call(message, "hparamsLimit"))
                    writer.uint32(24).int32(message.hparamsLimit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GetExperimentRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.GetExperimentRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.experimentName = value;
                            else
                                delete message.experimentName;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.includeMetrics = reader.bool();
                            message._includeMetrics = "includeMetrics";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.hparamsLimit = reader.int32();
                            message._hparamsLimit = "hparamsLimit";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GetExperimentRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.GetExperimentRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.GetExperimentRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.GetExperimentRequest();
                if (object.experimentName != null)
                    if (typeof object.experimentName !== "string" || object.experimentName.length)
                        message.experimentName = $String(object.experimentName);
                if (object.includeMetrics != null)
                    message.includeMetrics = $Boolean(object.includeMetrics);
                if (object.hparamsLimit != null)
                    message.hparamsLimit = object.hparamsLimit | 0;
                return message;
            };

            GetExperimentRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults)
                    object.experimentName = "";
                if (message.experimentName != null && $Object.hasOwnProperty.call(message, "experimentName"))
                    object.experimentName = message.experimentName;
                if (message.includeMetrics != null && $Object.hasOwnProperty.call(message, "includeMetrics"))
                    object.includeMetrics = message.includeMetrics;
                if (message.hparamsLimit != null && $Object.hasOwnProperty.call(message, "hparamsLimit"))
                    object.hparamsLimit = message.hparamsLimit;
                return object;
            };

            GetExperimentRequest.prototype.toJSON = function() {
                return GetExperimentRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GetExperimentRequest;
        })();

        hparams.ListSessionGroupsRequest = (function() {

            var ListSessionGroupsRequest = function (properties) {
                this.allowedStatuses = [];
                this.colParams = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ListSessionGroupsRequest.prototype.experimentName = "";
            ListSessionGroupsRequest.prototype.allowedStatuses = $util.emptyArray;
            ListSessionGroupsRequest.prototype.colParams = $util.emptyArray;
            ListSessionGroupsRequest.prototype.aggregationType = 0;
            ListSessionGroupsRequest.prototype.aggregationMetric = null;
            ListSessionGroupsRequest.prototype.startIndex = 0;
            ListSessionGroupsRequest.prototype.sliceSize = 0;
            ListSessionGroupsRequest.prototype.includeMetrics = null;

            var $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ListSessionGroupsRequest.prototype, "_includeMetrics", {
                get: $util.oneOfGetter($oneOfFields = ["includeMetrics"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ListSessionGroupsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.colParams != null && message.colParams.length)
                    for (var i = 0; i < message.colParams.length; ++i)
                        $root.tensorboard.hparams.ColParams.encode(message.colParams[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.aggregationType != null && $Object.hasOwnProperty.call(message, "aggregationType") && message.aggregationType !== 0)
                    writer.uint32(16).int32(message.aggregationType);
                if (message.aggregationMetric != null && $Object.hasOwnProperty.call(message, "aggregationMetric"))
                    $root.tensorboard.hparams.MetricName.encode(message.aggregationMetric, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.startIndex != null && $Object.hasOwnProperty.call(message, "startIndex") && message.startIndex !== 0)
                    writer.uint32(32).int32(message.startIndex);
                if (message.sliceSize != null && $Object.hasOwnProperty.call(message, "sliceSize") && message.sliceSize !== 0)
                    writer.uint32(40).int32(message.sliceSize);
                if (message.experimentName != null && $Object.hasOwnProperty.call(message, "experimentName") && message.experimentName !== "")
                    writer.uint32(50).string(message.experimentName);
                if (message.allowedStatuses != null && message.allowedStatuses.length)
                    writer.uint32(58).int32s(message.allowedStatuses);
                if (message.includeMetrics != null && $Object.hasOwnProperty.call(message, "includeMetrics"))
                    writer.uint32(64).bool(message.includeMetrics);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ListSessionGroupsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.ListSessionGroupsRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.experimentName = value;
                            else
                                delete message.experimentName;
                            continue;
                        }
                    case 7: {
                            if (wireType === 2) {
                                if (!(message.allowedStatuses && message.allowedStatuses.length))
                                    message.allowedStatuses = [];
                                reader.int32s(message.allowedStatuses);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.allowedStatuses && message.allowedStatuses.length))
                                message.allowedStatuses = [];
                            message.allowedStatuses.push(reader.int32());
                            continue;
                        }
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.colParams && message.colParams.length))
                                message.colParams = [];
                            message.colParams.push($root.tensorboard.hparams.ColParams.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.aggregationType = value;
                            else
                                delete message.aggregationType;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.aggregationMetric = $root.tensorboard.hparams.MetricName.decode(reader, reader.size(), $undefined, _depth + 1, message.aggregationMetric);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.startIndex = value;
                            else
                                delete message.startIndex;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.sliceSize = value;
                            else
                                delete message.sliceSize;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            message.includeMetrics = reader.bool();
                            message._includeMetrics = "includeMetrics";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ListSessionGroupsRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.ListSessionGroupsRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.ListSessionGroupsRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.ListSessionGroupsRequest();
                if (object.experimentName != null)
                    if (typeof object.experimentName !== "string" || object.experimentName.length)
                        message.experimentName = $String(object.experimentName);
                if (object.allowedStatuses) {
                    if (!$Array.isArray(object.allowedStatuses))
                        throw $TypeError(".tensorboard.hparams.ListSessionGroupsRequest.allowedStatuses: array expected");
                    message.allowedStatuses = [];
                    for (var i = 0; i < object.allowedStatuses.length; ++i)
                        switch (object.allowedStatuses[i]) {
                        case "STATUS_UNKNOWN":
                        case 0:
                            message.allowedStatuses[message.allowedStatuses.length] = 0;
                            break;
                        case "STATUS_SUCCESS":
                        case 1:
                            message.allowedStatuses[message.allowedStatuses.length] = 1;
                            break;
                        case "STATUS_FAILURE":
                        case 2:
                            message.allowedStatuses[message.allowedStatuses.length] = 2;
                            break;
                        case "STATUS_RUNNING":
                        case 3:
                            message.allowedStatuses[message.allowedStatuses.length] = 3;
                            break;
                        default:
                            if (typeof object.allowedStatuses[i] === "number" && (object.allowedStatuses[i] | 0) === object.allowedStatuses[i])
                                message.allowedStatuses[message.allowedStatuses.length] = object.allowedStatuses[i];
                        }
                }
                if (object.colParams) {
                    if (!$Array.isArray(object.colParams))
                        throw $TypeError(".tensorboard.hparams.ListSessionGroupsRequest.colParams: array expected");
                    message.colParams = $Array(object.colParams.length);
                    for (var i = 0; i < object.colParams.length; ++i) {
                        if (!$util.isObject(object.colParams[i]))
                            throw $TypeError(".tensorboard.hparams.ListSessionGroupsRequest.colParams: object expected");
                        message.colParams[i] = $root.tensorboard.hparams.ColParams.fromObject(object.colParams[i], _depth + 1);
                    }
                }
                if (object.aggregationType !== 0 && (typeof object.aggregationType !== "string" || $root.tensorboard.hparams.AggregationType[object.aggregationType] !== 0))
                    switch (object.aggregationType) {
                    case "AGGREGATION_UNSET":
                    case 0:
                        message.aggregationType = 0;
                        break;
                    case "AGGREGATION_AVG":
                    case 1:
                        message.aggregationType = 1;
                        break;
                    case "AGGREGATION_MEDIAN":
                    case 2:
                        message.aggregationType = 2;
                        break;
                    case "AGGREGATION_MIN":
                    case 3:
                        message.aggregationType = 3;
                        break;
                    case "AGGREGATION_MAX":
                    case 4:
                        message.aggregationType = 4;
                        break;
                    default:
                        if (typeof object.aggregationType === "number" && (object.aggregationType | 0) === object.aggregationType)
                            message.aggregationType = object.aggregationType;
                    }
                if (object.aggregationMetric != null) {
                    if (!$util.isObject(object.aggregationMetric))
                        throw $TypeError(".tensorboard.hparams.ListSessionGroupsRequest.aggregationMetric: object expected");
                    message.aggregationMetric = $root.tensorboard.hparams.MetricName.fromObject(object.aggregationMetric, _depth + 1);
                }
                if (object.startIndex != null)
                    if ($Number(object.startIndex) !== 0)
                        message.startIndex = object.startIndex | 0;
                if (object.sliceSize != null)
                    if ($Number(object.sliceSize) !== 0)
                        message.sliceSize = object.sliceSize | 0;
                if (object.includeMetrics != null)
                    message.includeMetrics = $Boolean(object.includeMetrics);
                return message;
            };

            ListSessionGroupsRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults) {
                    object.colParams = [];
                    object.allowedStatuses = [];
                }
                if (options.defaults) {
                    object.aggregationType = options.enums === $String ? "AGGREGATION_UNSET" : 0;
                    object.aggregationMetric = null;
                    object.startIndex = 0;
                    object.sliceSize = 0;
                    object.experimentName = "";
                }
                if (message.colParams && message.colParams.length) {
                    object.colParams = $Array(message.colParams.length);
                    for (var j = 0; j < message.colParams.length; ++j)
                        object.colParams[j] = $root.tensorboard.hparams.ColParams.toObject(message.colParams[j], options, _depth + 1);
                }
                if (message.aggregationType != null && $Object.hasOwnProperty.call(message, "aggregationType"))
                    object.aggregationType = options.enums === $String ? $root.tensorboard.hparams.AggregationType[message.aggregationType] === $undefined ? message.aggregationType : $root.tensorboard.hparams.AggregationType[message.aggregationType] : message.aggregationType;
                if (message.aggregationMetric != null && $Object.hasOwnProperty.call(message, "aggregationMetric"))
                    object.aggregationMetric = $root.tensorboard.hparams.MetricName.toObject(message.aggregationMetric, options, _depth + 1);
                if (message.startIndex != null && $Object.hasOwnProperty.call(message, "startIndex"))
                    object.startIndex = message.startIndex;
                if (message.sliceSize != null && $Object.hasOwnProperty.call(message, "sliceSize"))
                    object.sliceSize = message.sliceSize;
                if (message.experimentName != null && $Object.hasOwnProperty.call(message, "experimentName"))
                    object.experimentName = message.experimentName;
                if (message.allowedStatuses && message.allowedStatuses.length) {
                    object.allowedStatuses = $Array(message.allowedStatuses.length);
                    for (var j = 0; j < message.allowedStatuses.length; ++j)
                        object.allowedStatuses[j] = options.enums === $String ? $root.tensorboard.hparams.Status[message.allowedStatuses[j]] === $undefined ? message.allowedStatuses[j] : $root.tensorboard.hparams.Status[message.allowedStatuses[j]] : message.allowedStatuses[j];
                }
                if (message.includeMetrics != null && $Object.hasOwnProperty.call(message, "includeMetrics"))
                    object.includeMetrics = message.includeMetrics;
                return object;
            };

            ListSessionGroupsRequest.prototype.toJSON = function() {
                return ListSessionGroupsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListSessionGroupsRequest;
        })();

        hparams.ColParams = (function() {

            var ColParams = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ColParams.prototype.metric = null;
            ColParams.prototype.hparam = null;
            ColParams.prototype.order = 0;
            ColParams.prototype.missingValuesFirst = false;
            ColParams.prototype.filterRegexp = null;
            ColParams.prototype.filterInterval = null;
            ColParams.prototype.filterDiscrete = null;
            ColParams.prototype.excludeMissingValues = false;
            ColParams.prototype.includeInResult = null;

            var $oneOfFields;

            $Object.defineProperty(ColParams.prototype, "name", {
                get: $util.oneOfGetter($oneOfFields = ["metric", "hparam"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            $Object.defineProperty(ColParams.prototype, "filter", {
                get: $util.oneOfGetter($oneOfFields = ["filterRegexp", "filterInterval", "filterDiscrete"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(ColParams.prototype, "_includeInResult", {
                get: $util.oneOfGetter($oneOfFields = ["includeInResult"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ColParams.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.metric != null && $Object.hasOwnProperty.call(message, "metric"))
                    $root.tensorboard.hparams.MetricName.encode(message.metric, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.hparam != null && $Object.hasOwnProperty.call(message, "hparam"))
                    writer.uint32(18).string(message.hparam);
                if (message.order != null && $Object.hasOwnProperty.call(message, "order") && message.order !== 0)
                    writer.uint32(24).int32(message.order);
                if (message.missingValuesFirst != null && $Object.hasOwnProperty.call(message, "missingValuesFirst") && message.missingValuesFirst !== false)
                    writer.uint32(32).bool(message.missingValuesFirst);
                if (message.filterRegexp != null && $Object.hasOwnProperty.call(message, "filterRegexp"))
                    writer.uint32(42).string(message.filterRegexp);
                if (message.filterInterval != null && $Object.hasOwnProperty.call(message, "filterInterval"))
                    $root.tensorboard.hparams.Interval.encode(message.filterInterval, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.filterDiscrete != null && $Object.hasOwnProperty.call(message, "filterDiscrete"))
                    $root.google.protobuf.ListValue.encode(message.filterDiscrete, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.excludeMissingValues != null && $Object.hasOwnProperty.call(message, "excludeMissingValues") && message.excludeMissingValues !== false)
                    writer.uint32(64).bool(message.excludeMissingValues);
                if (message.includeInResult != null && $Object.hasOwnProperty.call(message, "includeInResult"))
                    writer.uint32(72).bool(message.includeInResult);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ColParams.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.ColParams();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.metric = $root.tensorboard.hparams.MetricName.decode(reader, reader.size(), $undefined, _depth + 1, message.metric);
                            message.name = "metric";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.hparam = reader.stringVerify();
                            message.name = "hparam";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.order = value;
                            else
                                delete message.order;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.missingValuesFirst = value;
                            else
                                delete message.missingValuesFirst;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.filterRegexp = reader.stringVerify();
                            message.filter = "filterRegexp";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.filterInterval = $root.tensorboard.hparams.Interval.decode(reader, reader.size(), $undefined, _depth + 1, message.filterInterval);
                            message.filter = "filterInterval";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.filterDiscrete = $root.google.protobuf.ListValue.decode(reader, reader.size(), $undefined, _depth + 1, message.filterDiscrete);
                            message.filter = "filterDiscrete";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.excludeMissingValues = value;
                            else
                                delete message.excludeMissingValues;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            message.includeInResult = reader.bool();
                            message._includeInResult = "includeInResult";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ColParams.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.ColParams)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.ColParams: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.ColParams();
                if (object.metric != null) {
                    if (!$util.isObject(object.metric))
                        throw $TypeError(".tensorboard.hparams.ColParams.metric: object expected");
                    message.metric = $root.tensorboard.hparams.MetricName.fromObject(object.metric, _depth + 1);
                }
                if (object.hparam != null)
                    message.hparam = $String(object.hparam);
                if (object.order !== 0 && (typeof object.order !== "string" || $root.tensorboard.hparams.SortOrder[object.order] !== 0))
                    switch (object.order) {
                    case "ORDER_UNSPECIFIED":
                    case 0:
                        message.order = 0;
                        break;
                    case "ORDER_ASC":
                    case 1:
                        message.order = 1;
                        break;
                    case "ORDER_DESC":
                    case 2:
                        message.order = 2;
                        break;
                    default:
                        if (typeof object.order === "number" && (object.order | 0) === object.order)
                            message.order = object.order;
                    }
                if (object.missingValuesFirst != null)
                    if (object.missingValuesFirst)
                        message.missingValuesFirst = $Boolean(object.missingValuesFirst);
                if (object.filterRegexp != null)
                    message.filterRegexp = $String(object.filterRegexp);
                if (object.filterInterval != null) {
                    if (!$util.isObject(object.filterInterval))
                        throw $TypeError(".tensorboard.hparams.ColParams.filterInterval: object expected");
                    message.filterInterval = $root.tensorboard.hparams.Interval.fromObject(object.filterInterval, _depth + 1);
                }
                if (object.filterDiscrete != null) {
                    if (!$util.isObject(object.filterDiscrete))
                        throw $TypeError(".tensorboard.hparams.ColParams.filterDiscrete: object expected");
                    message.filterDiscrete = $root.google.protobuf.ListValue.fromObject(object.filterDiscrete, _depth + 1);
                }
                if (object.excludeMissingValues != null)
                    if (object.excludeMissingValues)
                        message.excludeMissingValues = $Boolean(object.excludeMissingValues);
                if (object.includeInResult != null)
                    message.includeInResult = $Boolean(object.includeInResult);
                return message;
            };

            ColParams.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.order = options.enums === $String ? "ORDER_UNSPECIFIED" : 0;
                    object.missingValuesFirst = false;
                    object.excludeMissingValues = false;
                }
                if (message.metric != null && $Object.hasOwnProperty.call(message, "metric")) {
                    object.metric = $root.tensorboard.hparams.MetricName.toObject(message.metric, options, _depth + 1);
                    if (options.oneofs)
                        object.name = "metric";
                }
                if (message.hparam != null && $Object.hasOwnProperty.call(message, "hparam")) {
                    object.hparam = message.hparam;
                    if (options.oneofs)
                        object.name = "hparam";
                }
                if (message.order != null && $Object.hasOwnProperty.call(message, "order"))
                    object.order = options.enums === $String ? $root.tensorboard.hparams.SortOrder[message.order] === $undefined ? message.order : $root.tensorboard.hparams.SortOrder[message.order] : message.order;
                if (message.missingValuesFirst != null && $Object.hasOwnProperty.call(message, "missingValuesFirst"))
                    object.missingValuesFirst = message.missingValuesFirst;
                if (message.filterRegexp != null && $Object.hasOwnProperty.call(message, "filterRegexp")) {
                    object.filterRegexp = message.filterRegexp;
                    if (options.oneofs)
                        object.filter = "filterRegexp";
                }
                if (message.filterInterval != null && $Object.hasOwnProperty.call(message, "filterInterval")) {
                    object.filterInterval = $root.tensorboard.hparams.Interval.toObject(message.filterInterval, options, _depth + 1);
                    if (options.oneofs)
                        object.filter = "filterInterval";
                }
                if (message.filterDiscrete != null && $Object.hasOwnProperty.call(message, "filterDiscrete")) {
                    object.filterDiscrete = $root.google.protobuf.ListValue.toObject(message.filterDiscrete, options, _depth + 1);
                    if (options.oneofs)
                        object.filter = "filterDiscrete";
                }
                if (message.excludeMissingValues != null && $Object.hasOwnProperty.call(message, "excludeMissingValues"))
                    object.excludeMissingValues = message.excludeMissingValues;
                if (message.includeInResult != null && $Object.hasOwnProperty.call(message, "includeInResult"))
                    object.includeInResult = message.includeInResult;
                return object;
            };

            ColParams.prototype.toJSON = function() {
                return ColParams.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ColParams;
        })();

        hparams.SortOrder = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ORDER_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ORDER_ASC"] = 1;
            values[valuesById[2] = "ORDER_DESC"] = 2;
            return values;
        })();

        hparams.AggregationType = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "AGGREGATION_UNSET"] = 0;
            values[valuesById[1] = "AGGREGATION_AVG"] = 1;
            values[valuesById[2] = "AGGREGATION_MEDIAN"] = 2;
            values[valuesById[3] = "AGGREGATION_MIN"] = 3;
            values[valuesById[4] = "AGGREGATION_MAX"] = 4;
            return values;
        })();

        hparams.ListSessionGroupsResponse = (function() {

            var ListSessionGroupsResponse = function (properties) {
                this.sessionGroups = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ListSessionGroupsResponse.prototype.sessionGroups = $util.emptyArray;
            ListSessionGroupsResponse.prototype.totalSize = 0;

            ListSessionGroupsResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionGroups != null && message.sessionGroups.length)
                    for (var i = 0; i < message.sessionGroups.length; ++i)
                        $root.tensorboard.hparams.SessionGroup.encode(message.sessionGroups[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize") && message.totalSize !== 0)
                    writer.uint32(24).int32(message.totalSize);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ListSessionGroupsResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.ListSessionGroupsResponse();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sessionGroups && message.sessionGroups.length))
                                message.sessionGroups = [];
                            message.sessionGroups.push($root.tensorboard.hparams.SessionGroup.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.totalSize = value;
                            else
                                delete message.totalSize;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ListSessionGroupsResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.ListSessionGroupsResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.ListSessionGroupsResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.ListSessionGroupsResponse();
                if (object.sessionGroups) {
                    if (!$Array.isArray(object.sessionGroups))
                        throw $TypeError(".tensorboard.hparams.ListSessionGroupsResponse.sessionGroups: array expected");
                    message.sessionGroups = $Array(object.sessionGroups.length);
                    for (var i = 0; i < object.sessionGroups.length; ++i) {
                        if (!$util.isObject(object.sessionGroups[i]))
                            throw $TypeError(".tensorboard.hparams.ListSessionGroupsResponse.sessionGroups: object expected");
                        message.sessionGroups[i] = $root.tensorboard.hparams.SessionGroup.fromObject(object.sessionGroups[i], _depth + 1);
                    }
                }
                if (object.totalSize != null)
                    if ($Number(object.totalSize) !== 0)
                        message.totalSize = object.totalSize | 0;
                return message;
            };

            ListSessionGroupsResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.sessionGroups = [];
                if (options.defaults)
                    object.totalSize = 0;
                if (message.sessionGroups && message.sessionGroups.length) {
                    object.sessionGroups = $Array(message.sessionGroups.length);
                    for (var j = 0; j < message.sessionGroups.length; ++j)
                        object.sessionGroups[j] = $root.tensorboard.hparams.SessionGroup.toObject(message.sessionGroups[j], options, _depth + 1);
                }
                if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize"))
                    object.totalSize = message.totalSize;
                return object;
            };

            ListSessionGroupsResponse.prototype.toJSON = function() {
                return ListSessionGroupsResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListSessionGroupsResponse;
        })();

        hparams.ListMetricEvalsRequest = (function() {

            var ListMetricEvalsRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ListMetricEvalsRequest.prototype.experimentName = "";
            ListMetricEvalsRequest.prototype.sessionName = "";
            ListMetricEvalsRequest.prototype.metricName = null;

            ListMetricEvalsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionName != null && $Object.hasOwnProperty.call(message, "sessionName") && message.sessionName !== "")
                    writer.uint32(10).string(message.sessionName);
                if (message.metricName != null && $Object.hasOwnProperty.call(message, "metricName"))
                    $root.tensorboard.hparams.MetricName.encode(message.metricName, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.experimentName != null && $Object.hasOwnProperty.call(message, "experimentName") && message.experimentName !== "")
                    writer.uint32(26).string(message.experimentName);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ListMetricEvalsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.hparams.ListMetricEvalsRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.experimentName = value;
                            else
                                delete message.experimentName;
                            continue;
                        }
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionName = value;
                            else
                                delete message.sessionName;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.metricName = $root.tensorboard.hparams.MetricName.decode(reader, reader.size(), $undefined, _depth + 1, message.metricName);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ListMetricEvalsRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.hparams.ListMetricEvalsRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.hparams.ListMetricEvalsRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.tensorboard.hparams.ListMetricEvalsRequest();
                if (object.experimentName != null)
                    if (typeof object.experimentName !== "string" || object.experimentName.length)
                        message.experimentName = $String(object.experimentName);
                if (object.sessionName != null)
                    if (typeof object.sessionName !== "string" || object.sessionName.length)
                        message.sessionName = $String(object.sessionName);
                if (object.metricName != null) {
                    if (!$util.isObject(object.metricName))
                        throw $TypeError(".tensorboard.hparams.ListMetricEvalsRequest.metricName: object expected");
                    message.metricName = $root.tensorboard.hparams.MetricName.fromObject(object.metricName, _depth + 1);
                }
                return message;
            };

            ListMetricEvalsRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.sessionName = "";
                    object.metricName = null;
                    object.experimentName = "";
                }
                if (message.sessionName != null && $Object.hasOwnProperty.call(message, "sessionName"))
                    object.sessionName = message.sessionName;
                if (message.metricName != null && $Object.hasOwnProperty.call(message, "metricName"))
                    object.metricName = $root.tensorboard.hparams.MetricName.toObject(message.metricName, options, _depth + 1);
                if (message.experimentName != null && $Object.hasOwnProperty.call(message, "experimentName"))
                    object.experimentName = message.experimentName;
                return object;
            };

            ListMetricEvalsRequest.prototype.toJSON = function() {
                return ListMetricEvalsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListMetricEvalsRequest;
        })();

        return hparams;
    })();

    return tensorboard;
})();

$root.google = (function() {

    var google = {};

    google.protobuf = (function() {

        var protobuf = {};

        protobuf.Struct = (function() {

            var Struct = function (properties) {
                this.fields = {};
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Struct.prototype.fields = $util.emptyObject;

            Struct.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fields != null && $Object.hasOwnProperty.call(message, "fields"))
                    for (var keys = $Object.keys(message.fields), i = 0; i < keys.length; ++i) {
                        writer.uint32(10).fork().uint32(10).string(keys[i]);
                        $root.google.protobuf.Value.encode(message.fields[keys[i]], writer.uint32(18).fork(), _depth + 1).ldelim().ldelim();
                    }
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Struct.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Struct();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (message.fields === $util.emptyObject)
                                message.fields = {};
                            var end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = null;
                            while (reader.pos < end2) {
                                var tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.fields, key);
                            message.fields[key] = value || new $root.google.protobuf.Value();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Struct.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.Struct)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.Struct: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.google.protobuf.Struct();
                if (object.fields) {
                    if (!$util.isObject(object.fields))
                        throw $TypeError(".google.protobuf.Struct.fields: object expected");
                    message.fields = {};
                    for (var keys = $Object.keys(object.fields), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.fields, keys[i]);
                        if (!$util.isObject(object.fields[keys[i]]))
                            throw $TypeError(".google.protobuf.Struct.fields: object expected");
                        message.fields[keys[i]] = $root.google.protobuf.Value.fromObject(object.fields[keys[i]], _depth + 1);
                    }
                }
                return message;
            };

            Struct.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.objects || options.defaults)
                    object.fields = {};
                var keys2;
                if (message.fields && (keys2 = $Object.keys(message.fields)).length) {
                    object.fields = {};
                    for (var j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.fields, keys2[j]);
                        object.fields[keys2[j]] = $root.google.protobuf.Value.toObject(message.fields[keys2[j]], options, _depth + 1);
                    }
                }
                return object;
            };

            Struct.prototype.toJSON = function() {
                return Struct.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Struct;
        })();

        protobuf.Value = (function() {

            var Value = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Value.prototype.nullValue = null;
            Value.prototype.numberValue = null;
            Value.prototype.stringValue = null;
            Value.prototype.boolValue = null;
            Value.prototype.structValue = null;
            Value.prototype.listValue = null;

            var $oneOfFields;

            $Object.defineProperty(Value.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["nullValue", "numberValue", "stringValue", "boolValue", "structValue", "listValue"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nullValue != null && $Object.hasOwnProperty.call(message, "nullValue"))
                    writer.uint32(8).int32(message.nullValue);
                if (message.numberValue != null && $Object.hasOwnProperty.call(message, "numberValue"))
                    writer.uint32(17).double(message.numberValue);
                if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue"))
                    writer.uint32(26).string(message.stringValue);
                if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue"))
                    writer.uint32(32).bool(message.boolValue);
                if (message.structValue != null && $Object.hasOwnProperty.call(message, "structValue"))
                    $root.google.protobuf.Struct.encode(message.structValue, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.listValue != null && $Object.hasOwnProperty.call(message, "listValue"))
                    $root.google.protobuf.ListValue.encode(message.listValue, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Value();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.nullValue = reader.int32();
                            message.kind = "nullValue";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            message.numberValue = reader.double();
                            message.kind = "numberValue";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.stringValue = reader.stringVerify();
                            message.kind = "stringValue";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.boolValue = reader.bool();
                            message.kind = "boolValue";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.structValue = $root.google.protobuf.Struct.decode(reader, reader.size(), $undefined, _depth + 1, message.structValue);
                            message.kind = "structValue";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.listValue = $root.google.protobuf.ListValue.decode(reader, reader.size(), $undefined, _depth + 1, message.listValue);
                            message.kind = "listValue";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Value.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.Value)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.Value: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.google.protobuf.Value();
                switch (object.nullValue) {
                case "NULL_VALUE":
                case 0:
                    message.nullValue = 0;
                    break;
                default:
                    if (typeof object.nullValue === "number" && (object.nullValue | 0) === object.nullValue)
                        message.nullValue = object.nullValue;
                }
                if (object.numberValue != null)
                    message.numberValue = $Number(object.numberValue);
                if (object.stringValue != null)
                    message.stringValue = $String(object.stringValue);
                if (object.boolValue != null)
                    message.boolValue = $Boolean(object.boolValue);
                if (object.structValue != null) {
                    if (!$util.isObject(object.structValue))
                        throw $TypeError(".google.protobuf.Value.structValue: object expected");
                    message.structValue = $root.google.protobuf.Struct.fromObject(object.structValue, _depth + 1);
                }
                if (object.listValue != null) {
                    if (!$util.isObject(object.listValue))
                        throw $TypeError(".google.protobuf.Value.listValue: object expected");
                    message.listValue = $root.google.protobuf.ListValue.fromObject(object.listValue, _depth + 1);
                }
                return message;
            };

            Value.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (message.nullValue != null && $Object.hasOwnProperty.call(message, "nullValue")) {
                    object.nullValue = options.enums === $String ? $root.google.protobuf.NullValue[message.nullValue] === $undefined ? message.nullValue : $root.google.protobuf.NullValue[message.nullValue] : message.nullValue;
                    if (options.oneofs)
                        object.kind = "nullValue";
                }
                if (message.numberValue != null && $Object.hasOwnProperty.call(message, "numberValue")) {
                    object.numberValue = options.json && !$isFinite(message.numberValue) ? $String(message.numberValue) : message.numberValue;
                    if (options.oneofs)
                        object.kind = "numberValue";
                }
                if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue")) {
                    object.stringValue = message.stringValue;
                    if (options.oneofs)
                        object.kind = "stringValue";
                }
                if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue")) {
                    object.boolValue = message.boolValue;
                    if (options.oneofs)
                        object.kind = "boolValue";
                }
                if (message.structValue != null && $Object.hasOwnProperty.call(message, "structValue")) {
                    object.structValue = $root.google.protobuf.Struct.toObject(message.structValue, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "structValue";
                }
                if (message.listValue != null && $Object.hasOwnProperty.call(message, "listValue")) {
                    object.listValue = $root.google.protobuf.ListValue.toObject(message.listValue, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "listValue";
                }
                return object;
            };

            Value.prototype.toJSON = function() {
                return Value.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Value;
        })();

        protobuf.NullValue = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NULL_VALUE"] = 0;
            return values;
        })();

        protobuf.ListValue = (function() {

            var ListValue = function (properties) {
                this.values = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ListValue.prototype.values = $util.emptyArray;

            ListValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.values != null && message.values.length)
                    for (var i = 0; i < message.values.length; ++i)
                        $root.google.protobuf.Value.encode(message.values[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ListValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.ListValue();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.values && message.values.length))
                                message.values = [];
                            message.values.push($root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ListValue.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.ListValue)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.ListValue: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.google.protobuf.ListValue();
                if (object.values) {
                    if (!$Array.isArray(object.values))
                        throw $TypeError(".google.protobuf.ListValue.values: array expected");
                    message.values = $Array(object.values.length);
                    for (var i = 0; i < object.values.length; ++i) {
                        if (!$util.isObject(object.values[i]))
                            throw $TypeError(".google.protobuf.ListValue.values: object expected");
                        message.values[i] = $root.google.protobuf.Value.fromObject(object.values[i], _depth + 1);
                    }
                }
                return message;
            };

            ListValue.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.values = [];
                if (message.values && message.values.length) {
                    object.values = $Array(message.values.length);
                    for (var j = 0; j < message.values.length; ++j)
                        object.values[j] = $root.google.protobuf.Value.toObject(message.values[j], options, _depth + 1);
                }
                return object;
            };

            ListValue.prototype.toJSON = function() {
                return ListValue.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListValue;
        })();

        return protobuf;
    })();

    return google;
})();

module.exports = $root;
