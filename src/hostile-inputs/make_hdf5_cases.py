"""Writes malicious and malformed Keras HDF5 files (and .keras archives holding them) for the
hostile-input suite. argv: base .h5, base .keras, output folder, outside folder (secrets live there)."""
import io, os, shutil, sys, zipfile
import h5py, numpy as np

base_h5, base_keras, out, outside = sys.argv[1:5]
KERNEL = 'model_weights/dense_1/dense_1/kernel:0'  # (36, 1) float32
secret = os.path.join(outside, 'secret.bin')
with open(secret, 'wb') as f:
    f.write(b'SECRET!!' * 32)
with h5py.File(os.path.join(outside, 'other.h5'), 'w') as f:
    f['data'] = np.full((36, 1), 7, dtype='f4')
    f.create_group('group')['kernel:0'] = np.full((36, 1), 7, dtype='f4')

def variant(name, edit, source=base_h5):
    path = os.path.join(out, name)
    shutil.copyfile(source, path)
    os.chmod(path, 0o644)
    with h5py.File(path, 'r+') as f:
        edit(f)
    return path

def replace(f, path, make):
    parent, leaf = path.rsplit('/', 1)
    del f[path]
    make(f[parent], leaf)

variant('ext_storage_abs.h5', lambda f: replace(f, KERNEL, lambda g, n: g.create_dataset(n, shape=(36, 1), dtype='f4', external=[(secret, 0, 144)])))
variant('ext_storage_rel.h5', lambda f: replace(f, KERNEL, lambda g, n: g.create_dataset(n, shape=(36, 1), dtype='f4', external=[('../outside/secret.bin', 0, 144)])))
variant('ext_storage_bias.h5', lambda f: replace(f, 'model_weights/conv2d_1/conv2d_1/bias:0', lambda g, n: g.create_dataset(n, shape=(1,), dtype='f4', external=[(secret, 8, 4)])))
def elink(target, obj):
    return lambda f: replace(f, KERNEL, lambda g, n: g.__setitem__(n, h5py.ExternalLink(target, obj)))
variant('ext_link_abs.h5', elink(os.path.join(outside, 'other.h5'), '/data'))
variant('ext_link_rel.h5', elink('../outside/other.h5', '/data'))
def elink_group(f):
    del f['model_weights/dense_1/dense_1']
    f['model_weights/dense_1/dense_1'] = h5py.ExternalLink(os.path.join(outside, 'other.h5'), '/group')
variant('ext_link_group.h5', elink_group)
def vds(f):
    layout = h5py.VirtualLayout(shape=(36, 1), dtype='f4')
    layout[:] = h5py.VirtualSource(os.path.join(outside, 'other.h5'), 'data', shape=(36, 1))
    replace(f, KERNEL, lambda g, n: g.create_virtual_dataset(n, layout))
variant('vds.h5', vds)
def fill(value):
    def edit(f):
        f[KERNEL][...] = value
    return edit
variant('nan_weights.h5', fill(np.nan))
variant('inf_weights.h5', fill(np.inf))
def attr(name, value):
    def edit(f):
        f.attrs[name] = value
    return edit
variant('deep_model_config.h5', attr('model_config', '[' * 5000 + ']' * 5000))
variant('deep_object_config.h5', attr('model_config', '{"a":' * 4000 + '1' + '}' * 4000))
variant('deep_training_config.h5', attr('training_config', '[' * 6000 + ']' * 6000))
variant('bad_json_config.h5', attr('model_config', '{"class_name": "Sequential", "config": '))
variant('config_not_object.h5', attr('model_config', '42'))
variant('config_unknown_class.h5', attr('model_config', '{"class_name": "Sequential", "config": [{"class_name": "NoSuchLayer", "config": {"name": "x", "batch_input_shape": [null, 4]}}]}'))
variant('no_model_config.h5', lambda f: f.attrs.__delitem__('model_config'))
variant('wrong_shape_weight.h5', lambda f: replace(f, KERNEL, lambda g, n: g.create_dataset(n, data=np.zeros((5, 5), 'f4'))))
variant('string_weight.h5', lambda f: replace(f, KERNEL, lambda g, n: g.create_dataset(n, data=np.array([b'abc'] * 36).reshape(36, 1))))
variant('int64_huge_weight.h5', lambda f: replace(f, KERNEL, lambda g, n: g.create_dataset(n, data=np.full((36, 1), 2**40, 'i8'))))
variant('missing_weight.h5', lambda f: f.__delitem__(KERNEL))
variant('missing_layer_group.h5', lambda f: f.__delitem__('model_weights/dense_1'))
variant('huge_declared_dataset.h5', lambda f: replace(f, KERNEL, lambda g, n: g.create_dataset(n, shape=(2**31, 2**20), dtype='f4', chunks=(1024, 1024))))
def hard_cycle(f):
    f['model_weights/dense_1/loop'] = f['model_weights']
variant('hard_link_cycle.h5', hard_cycle)
def soft_cycle(f):
    f['model_weights/dense_1/loop'] = h5py.SoftLink('/model_weights')
variant('soft_link_cycle.h5', soft_cycle)

# .keras archives whose weights file is hostile.
with zipfile.ZipFile(base_keras) as z:
    members = {n: z.read(n) for n in z.namelist()}
weights = os.path.join(out, 'weights_base.h5')
with open(weights, 'wb') as f:
    f.write(members['model.weights.h5'])
with h5py.File(weights, 'r') as f:
    first = []
    f.visititems(lambda n, o: first.append(n) if isinstance(o, h5py.Dataset) and n.startswith('layers/') else None)
var = first[0]
def keras_variant(name, edit):
    w = variant(name + '.weights.h5', edit, source=weights)
    with zipfile.ZipFile(os.path.join(out, name), 'w', zipfile.ZIP_STORED) as z:
        for n, data in members.items():
            z.writestr(n, open(w, 'rb').read() if n == 'model.weights.h5' else data)
    os.remove(w)
def shape_of(f):
    return f[var].shape
keras_variant('keras_ext_link.keras', lambda f: (lambda s: replace(f, var, lambda g, n: g.__setitem__(n, h5py.ExternalLink(os.path.join(outside, 'other.h5'), '/data'))))(shape_of(f)))
keras_variant('keras_ext_storage.keras', lambda f: (lambda s: replace(f, var, lambda g, n: g.create_dataset(n, shape=s, dtype='f4', external=[(secret, 0, 4 * int(np.prod(s)))])))(shape_of(f)))
keras_variant('keras_nan_weights.keras', lambda f: f[var].__setitem__(Ellipsis, np.nan))
keras_variant('keras_vds.keras', lambda f: (lambda s: replace(f, var, lambda g, n: (lambda lay: (lay.__setitem__(slice(None), h5py.VirtualSource(os.path.join(outside, 'other.h5'), 'data', shape=(36, 1))), g.create_virtual_dataset(n, lay)))(h5py.VirtualLayout(shape=(36, 1), dtype='f4'))))(shape_of(f)))
os.remove(weights)
print(var)
