package org.clinwiki.file;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * A GIF decoded frame by frame and encoded again with only what showing it needs: the canvas
 * size, each frame's position, delay, disposal and transparent colour, and the loop count of the
 * NETSCAPE2.0 extension. Comment and plain-text extensions, other application extensions (XMP
 * among them) and anything after the trailer are not carried over. Frames are written as they
 * were stored, not composed onto the canvas, so an animation plays as before.
 */
final class GifCleaner {

    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private final ImageLimits limits;

    GifCleaner(ImageLimits limits) {
        this.limits = limits;
    }

    CleanFile clean(byte[] gif) throws IOException {
        try (CheckedImage image = CheckedImage.open(gif, FileType.GIF, limits)) {
            IIOMetadataNode screen = child(tree(image.streamMetadata(), STREAM_FORMAT), "LogicalScreenDescriptor");
            int width = intAttribute(screen, "logicalScreenWidth");
            int height = intAttribute(screen, "logicalScreenHeight");
            // Browsers allocate the whole canvas, however small the frames on it.
            limits.checkPixels(width, height, "GIF canvas");
            Integer loops = loopCount(tree(image.frameMetadata(0), IMAGE_FORMAT));
            byte[] bytes = ImageEncoding.encode(FileType.GIF, writer -> {
                writer.prepareWriteSequence(canvas(writer, screen));
                for (int frame = 0; frame < image.frames(); frame++) {
                    BufferedImage pixels = image.read(frame);
                    IIOMetadataNode source = tree(image.frameMetadata(frame), IMAGE_FORMAT);
                    IIOMetadata kept = frameMetadata(writer, pixels, source, frame == 0 ? loops : null);
                    writer.writeToSequence(new IIOImage(pixels, null, kept), null);
                }
                writer.endWriteSequence();
            });
            return new CleanFile(FileType.GIF, bytes, width, height);
        }
    }

    private static IIOMetadata canvas(ImageWriter writer, IIOMetadataNode source) throws IOException {
        IIOMetadata canvas = writer.getDefaultStreamMetadata(null);
        IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
        for (String name : new String[] {"logicalScreenWidth", "logicalScreenHeight", "colorResolution"}) {
            screen.setAttribute(name, source.getAttribute(name));
        }
        screen.setAttribute("pixelAspectRatio", "0");
        IIOMetadataNode root = new IIOMetadataNode(STREAM_FORMAT);
        root.appendChild(screen);
        canvas.mergeTree(STREAM_FORMAT, root);
        return canvas;
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage pixels, IIOMetadataNode source, Integer loops)
            throws IOException {
        IIOMetadata kept = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(pixels), null);
        IIOMetadataNode root = new IIOMetadataNode(IMAGE_FORMAT);
        IIOMetadataNode placement = new IIOMetadataNode("ImageDescriptor");
        IIOMetadataNode sourcePlacement = child(source, "ImageDescriptor");
        for (String name : new String[] {"imageLeftPosition", "imageTopPosition", "imageWidth", "imageHeight"}) {
            placement.setAttribute(name, sourcePlacement.getAttribute(name));
        }
        placement.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(placement);
        IIOMetadataNode sourceTiming = child(source, "GraphicControlExtension");
        if (sourceTiming != null) {
            IIOMetadataNode timing = new IIOMetadataNode("GraphicControlExtension");
            for (String name : new String[] {"disposalMethod", "transparentColorFlag", "transparentColorIndex", "delayTime"}) {
                timing.setAttribute(name, sourceTiming.getAttribute(name));
            }
            timing.setAttribute("userInputFlag", "FALSE");
            root.appendChild(timing);
        }
        if (loops != null) {
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[] {1, (byte) (loops & 0xFF), (byte) ((loops >> 8) & 0xFF)});
            extensions.appendChild(netscape);
            root.appendChild(extensions);
        }
        kept.mergeTree(IMAGE_FORMAT, root);
        return kept;
    }

    /** The NETSCAPE2.0 loop count (0 for forever), or null when the GIF plays once. */
    private static Integer loopCount(IIOMetadataNode firstFrame) {
        IIOMetadataNode extensions = child(firstFrame, "ApplicationExtensions");
        if (extensions == null) {
            return null;
        }
        for (Node node = extensions.getFirstChild(); node != null; node = node.getNextSibling()) {
            IIOMetadataNode extension = (IIOMetadataNode) node;
            if ("NETSCAPE".equals(extension.getAttribute("applicationID"))
                    && "2.0".equals(extension.getAttribute("authenticationCode"))
                    && extension.getUserObject() instanceof byte[] data && data.length >= 3 && data[0] == 1) {
                return (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
            }
        }
        return null;
    }

    private static IIOMetadataNode tree(IIOMetadata metadata, String format) {
        return (IIOMetadataNode) metadata.getAsTree(format);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals(name)) {
                return (IIOMetadataNode) node;
            }
        }
        return null;
    }

    private static int intAttribute(IIOMetadataNode node, String name) {
        return Integer.parseInt(node.getAttribute(name));
    }
}
