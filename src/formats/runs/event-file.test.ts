// Event files against TensorBoard's own reader (the kit), and the reader's behaviour on damage,
// truncation, unknown records and files too large to read whole.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {EventFileWriter, frameRecord, readEventFile, scalarOf, tensorboard} from './event-file';
import {readScalars} from './store';
import {needKit, runInKit, TENSORBOARD} from '../../test-support/kits';
import {tempDir} from '../../test-support/fixtures';

interface TbRun {
  files: Array<{file: string; records: number; bytes_consumed: number; fully_read: boolean}>;
  tensor_scalars: Record<string, Array<[number, number]>>;
  text: Record<string, Array<[number, string]>>;
  hparams?: {session_start_info?: {hparams: Record<string, unknown>}; session_end_info?: {status: string}};
}

function tensorBoardRead(logdir: string): Record<string, TbRun> {
  const out = runInKit(TENSORBOARD, [path.join(TENSORBOARD.root!, 'read_events.py'), logdir]);
  // Python's json writes NaN/Infinity bare; none are written here.
  return (JSON.parse(out) as {runs: Record<string, TbRun>}).runs;
}

function writeSample(folder: string): void {
  const root = new EventFileWriter(folder);
  root.sessionStart({'optimizer.learning_rate': 0.01, 'fit.batch_size': 32, 'optimizer.class_name': 'sgd', 'fit.shuffle': false}, 1_700_000_000);
  root.text('spec', '```json\n{"name": "x"}\n```');
  const train = new EventFileWriter(path.join(folder, 'train'));
  const validation = new EventFileWriter(path.join(folder, 'validation'));
  for (let step = 0; step < 3; step++) {
    train.scalar('epoch_loss', 1 / (step + 1), step);
    train.scalar('epoch_accuracy', 0.5 + step / 10, step);
    validation.scalar('epoch_loss', 1.1 / (step + 1), step);
  }
  root.sessionEnd('success', 1_700_000_100);
  for (const w of [root, train, validation]) w.close();
}

test('event files written here read back by TensorBoard itself: scalars, text and HParams records', (t) => {
  if (!needKit(t, TENSORBOARD)) return;
  const dir = tempDir();
  writeSample(path.join(dir, 'run1'));
  const runs = tensorBoardRead(dir);
  assert.deepEqual(Object.keys(runs).sort(), ['run1', 'run1/train', 'run1/validation']);
  for (const run of Object.values(runs)) for (const f of run.files) assert.ok(f.fully_read, `${f.file} fully read`);
  assert.deepEqual(runs['run1/train'].tensor_scalars.epoch_loss, [[0, 1], [1, Math.fround(0.5)], [2, Math.fround(1 / 3)]]);
  assert.deepEqual(runs['run1/train'].tensor_scalars.epoch_accuracy.map(([s]) => s), [0, 1, 2]);
  assert.deepEqual(runs['run1/validation'].tensor_scalars.epoch_loss.map(([, v]) => v), [1.1, 0.55, 1.1 / 3].map(Math.fround));
  assert.deepEqual(runs.run1.text.spec, [[0, '```json\n{"name": "x"}\n```']]);
  assert.deepEqual(runs.run1.hparams?.session_start_info?.hparams,
    {'optimizer.learning_rate': 0.01, 'fit.batch_size': 32, 'optimizer.class_name': 'sgd', 'fit.shuffle': false});
  assert.equal(runs.run1.hparams?.session_end_info?.status, 'STATUS_SUCCESS');
  // The file name Keras's writer gives its files.
  assert.match(fs.readdirSync(path.join(dir, 'run1/train'))[0], /^events\.out\.tfevents\.\d+\.[^.]+\.\d+\.0\.v2$/);
  // And our own reader agrees.
  const ours = readScalars(path.join(dir, 'run1'));
  assert.deepEqual(ours.series['train/epoch_loss'].map((p) => [p.step, p.value]), runs['run1/train'].tensor_scalars.epoch_loss);
  assert.equal(ours.hparams?.['optimizer.class_name'], 'sgd');
  assert.equal(ours.sessionEnd?.status, 'success');
  assert.deepEqual(ours.warnings, []);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('a truncated event file is read up to the damage with one warning naming the file and the offset; TensorBoard reads as much', (t) => {
  const dir = tempDir();
  const w = new EventFileWriter(path.join(dir, 'train'));
  for (let step = 0; step < 5; step++) w.scalar('epoch_loss', step, step);
  w.close();
  const file = w.file;
  const sizes: number[] = [];
  readEventFile(file, (_e, offset) => sizes.push(offset));
  // sizes[0] is the file_version event; sizes[5] the fifth scalar's record.
  const cut = sizes[5] + 7; // inside its header
  fs.truncateSync(file, cut);
  const read = readScalars(dir);
  assert.deepEqual(read.series['train/epoch_loss'].map((p) => p.value), [0, 1, 2, 3]);
  assert.equal(read.warnings.length, 1);
  assert.equal(read.warnings[0], `${file}: truncated record at offset ${sizes[5]} (file ends inside a record header); read up to there`);
  if (needKit(t, TENSORBOARD)) {
    assert.deepEqual(tensorBoardRead(dir).train.tensor_scalars.epoch_loss.map(([, v]) => v), [0, 1, 2, 3]);
  }
  // A flipped byte in a record's data: its checksum fails, the records before it stand.
  fs.truncateSync(file, sizes[5]);
  const bytes = fs.readFileSync(file);
  bytes[sizes[4] + 20] ^= 0xff;
  fs.writeFileSync(file, bytes);
  const damaged = readScalars(dir);
  assert.deepEqual(damaged.series['train/epoch_loss'].map((p) => p.value), [0, 1, 2]);
  assert.deepEqual(damaged.warnings, [`${file}: damaged record at offset ${sizes[4]} (data checksum mismatch); read up to there`]);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('unknown record types and fields are skipped, scalars stored as tensor_content or simple_value are read', () => {
  const dir = tempDir();
  const w = new EventFileWriter(dir);
  // An event with a field number no TensorBoard version defines, and a log message event.
  const writer = tensorboard.Event.encode(tensorboard.Event.fromObject({wallTime: 1, step: 0}));
  writer.uint32((99 << 3) | 2).string('from the future');
  fs.appendFileSync(w.file, frameRecord(writer.finish()));
  w.writeEvent({wallTime: 2, logMessage: {level: tensorboard.LogMessage.Level.INFO, message: 'hello'}});
  const content = Buffer.alloc(8);
  content.writeDoubleLE(0.25);
  w.writeEvent({wallTime: 3, step: 4, summary: {value: [{tag: 'as_content', metadata: {pluginData: {pluginName: 'scalars'}},
    tensor: {dtype: tensorboard.DataType.DT_DOUBLE, tensorShape: {}, tensorContent: content}}]}});
  w.writeEvent({wallTime: 4, step: 5, summary: {value: [{tag: 'legacy', simpleValue: 0.5}]}});
  w.writeEvent({wallTime: 5, step: 6, summary: {value: [{tag: 'an_image', metadata: {pluginData: {pluginName: 'images'}},
    tensor: {dtype: tensorboard.DataType.DT_STRING, stringVal: [Buffer.from('x')]}}]}});
  w.scalar('epoch_loss', 1.5, 7);
  w.close();
  const read = readScalars(dir);
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(Object.keys(read.series).sort(), ['as_content', 'epoch_loss', 'legacy']);
  assert.equal(read.series.as_content[0].value, 0.25);
  assert.equal(read.series.legacy[0].value, 0.5);
  assert.equal(read.series.epoch_loss[0].step, 7);
  assert.equal(scalarOf({tag: 'x'}), undefined);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('an event file of 1 GB is read in bounded memory, stopping at the stated limit or the damage', () => {
  const dir = tempDir();
  const w = new EventFileWriter(dir);
  for (let step = 0; step < 20_000; step++) w.scalar('epoch_loss', step, step);
  w.close();
  const valid = fs.statSync(w.file).size;
  // A 1 GB file: the records, then a hole of zeros (sparse: it takes no disk).
  fs.truncateSync(w.file, 1 << 30);
  const before = process.memoryUsage().rss;
  let count = 0;
  const read = readEventFile(w.file, () => count++);
  assert.equal(count, 20_001);
  assert.equal(read.warning, `${w.file}: damaged record at offset ${valid} (length checksum mismatch); read up to there`);
  // A limit below the records: reading stops there, saying so.
  let limited = 0;
  const stopped = readEventFile(w.file, () => limited++, {limitBytes: 100_000, chunkBytes: 4096});
  assert.ok(limited > 0 && limited < count);
  assert.match(stopped.warning!, new RegExp(`: read stopped at offset ${stopped.bytesRead}, the limit of 100000 bytes for one event file; later records are not shown$`));
  assert.ok(process.memoryUsage().rss - before < 200 << 20, 'memory stays bounded');
  fs.rmSync(dir, {recursive: true, force: true});
});
