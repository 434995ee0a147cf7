#!/bin/sh
# Regenerates tensorboard.js / tensorboard.d.ts from TensorBoard's .proto files (development time
# only; the generated module is committed). Run from this folder.
set -e
PROTOS="tensorboard/compat/proto/event.proto tensorboard/plugins/hparams/plugin_data.proto"
OPTS="-t static-module -w commonjs --no-service --no-create --no-verify --no-delimited --no-typeurl -p ."
npx pbjs $OPTS -o tensorboard.js $PROTOS
npx pbts -o tensorboard.d.ts tensorboard.js
# Comments are only needed by pbts; the shipped module goes without them.
npx pbjs $OPTS --no-comments -o tensorboard.js $PROTOS
